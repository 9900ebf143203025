import Foundation
import VarselKit
import VarselPostgres
import VarselSQLite
import VarselUI

/// Runs in a child process: opens the database, renders the workbench headless and times
/// keypress-to-frame for scrolling, jumping and filtering. Prints one JSON object.
@MainActor
enum HeadlessProbe {
    struct Result: Codable {
        var firstFrameMs: Double
        var scroll: [String: [Double]] = [:]   // name → [p50, p99]
        var filterP50 = 0.0, filterP99 = 0.0
        var jumpEndP50 = 0.0, jumpEndP99 = 0.0
        var peakRSSMB = 0.0
        /// Parts of the first frame: opening the store, and (timed at the end, warm) the agenda query
        /// the landing view needs.
        var openMs = 0.0, agendaQueryMs = 0.0

        /// Each number the median over `runs`.
        static func median(of runs: [Result]) -> Result {
            func m(_ f: (Result) -> Double) -> Double { Stats.median(runs.map(f)) }
            var r = Result(firstFrameMs: m(\.firstFrameMs))
            for key in runs.first?.scroll.keys ?? [:].keys {
                r.scroll[key] = [m { $0.scroll[key]?[0] ?? .nan }, m { $0.scroll[key]?[1] ?? .nan }]
            }
            r.filterP50 = m(\.filterP50); r.filterP99 = m(\.filterP99)
            r.jumpEndP50 = m(\.jumpEndP50); r.jumpEndP99 = m(\.jumpEndP99)
            r.peakRSSMB = runs.map(\.peakRSSMB).max() ?? .nan
            r.openMs = m(\.openMs); r.agendaQueryMs = m(\.agendaQueryMs)
            return r
        }

        /// The highest p99 (scrolling, jumping, filtering) of any run.
        static func worstP99(of runs: [Result]) -> Double {
            runs.flatMap { r in r.scroll.values.map { $0[1] } + [r.jumpEndP99, r.filterP99] }.max() ?? .nan
        }
    }

    static let width = 160, height = 48

    static func main(_ argv: [String]) {
        let args = BenchArgs(argv)
        guard let db = args["db"], let today = args["today"].flatMap(CivilDate.init(iso:)) else {
            FileHandle.standardError.write(Data("usage: varsel-bench headless --db FILE|URL --today YYYY-MM-DD\n".utf8)); exit(2)
        }
        do {
            let start = Stats.now()
            let store = PostgresTarget.isURL(db)
                ? try PostgresStorage.open(url: db, environment: ProcessInfo.processInfo.environment, access: .write)
                : try SQLiteStorage.open(path: db)
            let openMs = Stats.ms(since: start)
            let wb = Workbench(portfolio: Portfolio(store: store, clock: .fixed(today)), databaseLabel: db)
            _ = wb.render(width: width, height: height)
            var r = Result(firstFrameMs: Stats.ms(since: start))
            if args.flags.contains("first-frame-only") { print(r.firstFrameMs); return }
            r.openMs = openMs
            func timed(_ key: Key) -> Double {
                let t = Stats.now()
                _ = wb.handle(key)
                _ = wb.render(width: width, height: height)
                return Stats.ms(since: t)
            }
            func scroll(_ view: Character, _ name: String) {
                _ = timed(.char(view))
                var samples: [Double] = []
                for i in 0..<600 { samples.append(timed(i % 50 == 49 ? .pageDown : .down)) }
                for _ in 0..<200 { samples.append(timed(.up)) }
                r.scroll[name] = [Stats.median(samples), Stats.percentile(samples, 99)]
            }
            scroll("1", "agenda")
            scroll("2", "agreements")
            scroll("3", "subprocessors")
            _ = timed(.char("2"))
            var jumps: [Double] = []
            for _ in 0..<20 { jumps.append(timed(.char("G"))); jumps.append(timed(.char("g"))) }
            r.jumpEndP50 = Stats.median(jumps); r.jumpEndP99 = Stats.percentile(jumps, 99)
            var filter: [Double] = []
            for word in ["nord", "avtal", "data", "sø", "xyz"] {
                _ = timed(.char("/"))
                for c in word { filter.append(timed(.char(c))) }
                for _ in word { filter.append(timed(.backspace)) }
                _ = timed(.escape)
            }
            r.filterP50 = Stats.median(filter); r.filterP99 = Stats.percentile(filter, 99)
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            r.peakRSSMB = Double(usage.ru_maxrss) / 1024
            // After the peak is read: the agenda query timed again (warm), so it does not add to the peak.
            let agendaStart = Stats.now()
            _ = try wb.portfolio.queries.agenda(within: 90)
            r.agendaQueryMs = Stats.ms(since: agendaStart)
            let data = try JSONEncoder().encode(r)
            print(String(decoding: data, as: UTF8.self))
        } catch {
            FileHandle.standardError.write(Data("headless probe failed: \(error)\n".utf8)); exit(1)
        }
    }
}
