import BPVKit
import Foundation
import Testing

@Suite struct NightlySettingsTests {
    static func load(_ text: String) throws -> BPVConfiguration {
        let path = Fixture.temporaryFolder().appendingPathComponent("bpv.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try BPVConfiguration.load(path: path)
    }

    static func error(_ text: String) -> String {
        do {
            _ = try load(text)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func theDefaultsArchiveBesideTheInboxAndLockBesideTheDatabase() throws {
        let configuration = try Self.load("database: db/bpv.sqlite\ninbox: /srv/bpv/inbox\n")
        #expect(configuration.nightly.afterImport == .archive)
        #expect(configuration.nightly.settleMinutes == 2)
        #expect(configuration.archiveFolder == "/srv/bpv/archive")
        #expect(configuration.quarantineFolder == "/srv/bpv/quarantine")
        #expect(configuration.lockFile == configuration.database + ".lock")
        #expect(configuration.nightly.metricsFile == nil)
        #expect(configuration.nightly.findingsThreshold == nil)
    }

    @Test func everySettingIsRead() throws {
        let configuration = try Self.load("""
            inbox: /srv/bpv/inbox
            files:
              after_import: keep
              archive: /srv/bpv/old
              quarantine: /srv/bpv/bad
              settle_minutes: 0
            lock: /run/bpv/bpv.lock
            metrics: /var/lib/node_exporter/bpv.prom
            log: { format: json, level: debug }
            thresholds: { findings: warning }
            """)
        #expect(configuration.nightly.afterImport == .keep)
        #expect(configuration.archiveFolder == "/srv/bpv/old")
        #expect(configuration.quarantineFolder == "/srv/bpv/bad")
        #expect(configuration.nightly.settleMinutes == 0)
        #expect(configuration.lockFile == "/run/bpv/bpv.lock")
        #expect(configuration.nightly.metricsFile == "/var/lib/node_exporter/bpv.prom")
        #expect(configuration.nightly.logFormat == .json)
        #expect(configuration.nightly.logLevel == "debug")
        #expect(configuration.nightly.findingsThreshold == .warning)
    }

    @Test func wrongValuesNameTheirPlace() {
        #expect(Self.error("files:\n  after_import: move\n").hasSuffix(
            "bpv.yaml:2:17: files.after_import is archive or keep, not 'move'"))
        #expect(Self.error("files:\n  settle_minutes: -1\n").hasSuffix(
            "bpv.yaml:2:19: files.settle_minutes is a number of minutes, 0 or more, not -1"))
        #expect(Self.error("log:\n  format: xml\n").hasSuffix("bpv.yaml:2:11: log.format is text or json, not 'xml'"))
        #expect(Self.error("thresholds:\n  findings: fatal\n").hasSuffix(
            "bpv.yaml:2:13: thresholds.findings is info, warning or error, not 'fatal'"))
        #expect(Self.error("files:\n  archiv: /x\n").contains("bpv.yaml:2:3: unknown key 'archiv' in files"))
        #expect(Self.error("files:\n  settle_minutes: soon\n").contains("bpv.yaml:2:19:"))
    }

    @Test func aPasswordInTheFileIsAnErrorThatSaysWhereItBelongs() {
        let message = Self.error("database: /var/lib/bpv/bpv.sqlite\npassword: geheim\n")
        #expect(message.hasSuffix("bpv.yaml:2:1: 'password' holds a secret: a password never goes in bpv.yaml: set "
            + "PGPASSWORD in the environment (the cron wrapper's environment file) or put it in ~/.pgpass (mode 0600)"),
            "\(message)")
        #expect(!message.contains("unknown key"), "said once, as a secret")
        #expect(Self.error("reference:\n  lists:\n    - folder: x\n      mapping: y\n      token: abc\n")
            .contains("bpv.yaml:5:7: 'token' holds a secret"))
        #expect(Self.error("database: postgres://bpv:geheim@db.school.nl/bpv\n")
            .contains("bpv.yaml:1:11: the database URL holds a password"))
    }
}
