/// BPVKit itself: its version, as `bpv --version` prints it and run records may name it.
public enum BPVKit {
    /// The release: `0.4.0`. Raised with every release.
    public static let version = "0.4.0"
}
