// BPVKit's API hands out the rules' values (``ErkenningCheck``'s policy and results, the import's findings): a user
// of BPVKit gets them with `import BPVKit`, as the nightly run's callers and tests always have.
@_exported import BPVReconcile
