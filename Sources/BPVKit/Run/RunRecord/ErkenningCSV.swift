import Foundation

/// `erkenning.csv`: the accreditation check of every current POK, the layout of `bpv erkenning --format csv`
/// (``ErkenningCheck/Report/csv()``). Part of the run record only when the check ran: when `bpv.yaml` configures
/// reference lists or POKs.
struct ErkenningCSV: Artifact {
    let fileName = "erkenning.csv"
    let purpose = "the accreditation check of every current POK on the run's date (only when reference data or "
        + "POKs are configured)"

    var report: ErkenningCheck.Report

    func render() throws -> Data {
        report.csv().data()
    }
}
