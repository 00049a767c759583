import Foundation

#if FUZZING
// Built with `-Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address` (scripts/fuzz.sh). libFuzzer's own `main`
// cannot be used: SwiftPM links every Swift executable with `--defsym main=bpv_fuzz_main` (the renamed entry point
// that lets tests link executables), so libFuzzer's main is never pulled from its archive and the link fails
// without a Swift entry point. Instead the Swift `main` hands the command line to libFuzzer's driver.

/// libFuzzer's driver (compiler-rt's FuzzerDriver.cpp, `extern "C"`): parses libFuzzer's flags and runs `callback`
/// on each input. Declared here with the same (plain C) arguments; only pointers and an `int` cross.
@_silgen_name("LLVMFuzzerRunDriver")
func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// One input, as libFuzzer calls it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzHarness.shared.run(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
}

@main
struct BPVFuzzer {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        _ = FuzzHarness.shared  // load the mappings before the first input
        exit(llvmFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
    }
}
#else
/// The ordinary build: a replay tool. `bpv-fuzz FILE|FOLDER...` runs each file (a folder: each file in it, in name
/// order) through the same function as the fuzzer, so a crash found by the fuzzer reproduces without libFuzzer.
@main
struct BPVFuzzReplay {
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        let quiet = arguments.first == "-q"
        if quiet { arguments.removeFirst() }
        guard !arguments.isEmpty, !arguments.contains(where: { $0 == "-h" || $0 == "--help" }) else {
            print("""
                usage: bpv-fuzz [-q] FILE|FOLDER...
                Replays fuzz inputs (first byte: the mapping, see Sources/bpv-fuzz/FuzzHarness.swift; the rest:
                the file) through the readers. A crash is a finding; a refused file is not. -q: no line per input.
                """)
            exit(arguments.isEmpty ? 2 : 0)
        }
        let files = FileManager.default
        var inputs: [String] = []
        for argument in arguments {
            var isFolder: ObjCBool = false
            guard files.fileExists(atPath: argument, isDirectory: &isFolder) else {
                FileHandle.standardError.write(Data("bpv-fuzz: no such file: \(argument)\n".utf8))
                exit(2)
            }
            if isFolder.boolValue {
                let names = (try? files.contentsOfDirectory(atPath: argument)) ?? []
                for name in names.sorted() where !name.hasPrefix(".") {
                    var sub: ObjCBool = false
                    let path = argument + "/" + name
                    if files.fileExists(atPath: path, isDirectory: &sub), !sub.boolValue { inputs.append(path) }
                }
            } else {
                inputs.append(argument)
            }
        }
        let harness = FuzzHarness.shared
        let start = Date()
        for path in inputs {
            guard let data = files.contents(atPath: path) else {
                FileHandle.standardError.write(Data("bpv-fuzz: cannot read \(path)\n".utf8))
                exit(2)
            }
            if !quiet, let first = data.first {
                let (_, fuzzCase, preview) = harness.pick(first)
                print("\(path): \(fuzzCase.mappingPath)\(fuzzCase.employerNote)\(preview ? " (preview)" : ""), "
                      + "\(data.count - 1) bytes: ",
                      terminator: "")
            }
            fflush(nil)  // the input's name before a crash
            let outcome = data.withUnsafeBytes { harness.run($0) }
            if !quiet { print(outcome) }
        }
        print(String(format: "bpv-fuzz: replayed %d input(s) in %.2f s, none crashed", inputs.count,
                     Date().timeIntervalSince(start)))
    }
}
#endif
