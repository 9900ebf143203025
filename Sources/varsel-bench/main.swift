import Foundation

// varsel-bench: the scale benchmark (docs/performance.md). Prints numbers; asserts nothing.
//   varsel-bench [--sizes 1000,10000,100000] [--seed 1] [--today 2026-11-23] [--dir /tmp/varsel-bench] [--reuse]
//                [--db postgres://user@host/dbname]   (the same on PostgreSQL, one schema per size)
//   varsel-bench headless --db FILE --today DATE   (the child that measures the workbench in-process)
//   varsel-bench intake [--contracts DIR] [--intake-runs 30]   (only the intake line)
let args = Array(CommandLine.arguments.dropFirst())
if args.first == "headless" {
    MainActor.assumeIsolated { HeadlessProbe.main(Array(args.dropFirst())) }
} else if args.first == "intake" {
    print(IntakeBench.line(BenchArgs(Array(args.dropFirst()))))
} else {
    BenchDriver.main(args)
}
