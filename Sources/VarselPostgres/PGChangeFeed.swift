import Foundation
import PostgresNIO
import VarselKit

/// The change feed on PostgreSQL: `LISTEN` on a connection of its own. Every write's audit row
/// bumps `change_seq` and sends `NOTIFY` with the new number on the portfolio's channel (a
/// statement trigger, `pg2-change-notify`); postgres-nio hands each notification to `advance` on
/// its event loop, which only stores the number. `token` is then a memory read: the workbench's
/// poll costs no query while the connection lives.
final class PGChangeFeed: @unchecked Sendable {
    private let lock = NSLock()
    private var latest: Int64 = 0
    private let session: PGSession
    private var listening: PostgresListenContext?

    private init(session: PGSession) { self.session = session }

    deinit {
        listening?.stop()
        session.close()
    }

    /// Connects, listens on the portfolio's channel, then reads the current number (after the
    /// `LISTEN`, so no change falls between the two).
    static func start(_ target: PostgresTarget) throws -> PGChangeFeed {
        let session = try PGSession.connect(target)
        if let schema = target.schema {
            try session.query("SET search_path TO \"" + schema.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
        }
        let feed = PGChangeFeed(session: session)
        let channel = try session.one("SELECT \(PostgresSchema.channelSQL("current_schema()"))")?[0].string ?? "varsel"
        feed.listening = session.connection.addListener(channel: channel) { [weak feed] _, notification in
            feed?.advance(to: Int64(notification.payload) ?? 0)
        }
        feed.advance(to: Int64(try session.int("SELECT seq FROM change_seq")))
        return feed
    }

    /// Moves the token forward (notifications may arrive after this process's own write set it).
    func advance(to seq: Int64) {
        lock.lock(); defer { lock.unlock() }
        if seq > latest { latest = seq }
    }

    var token: Int64 {
        lock.lock(); defer { lock.unlock() }
        return latest
    }

    /// False once the server or the network closed the connection (the caller falls back to a query).
    var isAlive: Bool { !session.connection.isClosed }
}
