import CCurses
import Foundation
import VarselUI

/// Why the terminal could not be used.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// stdin or stdout is not a terminal (e.g. piped); use the command line instead.
    case notATerminal
    /// curses could not initialise the terminal (unknown TERM?).
    case initialisationFailed(term: String?)

    public var description: String {
        switch self {
        case .notATerminal: "varsel: the workbench needs a terminal (stdin and stdout must be a TTY)"
        case .initialisationFailed(let term): "varsel: cannot initialise the terminal (TERM=\(term ?? "unset"))"
        }
    }
}

/// How the run loop ended.
public enum TerminalExit: Hashable, Sendable {
    /// The program returned `.quit`.
    case quit
    /// SIGINT, SIGTERM or SIGHUP arrived; the terminal was restored. Callers typically exit
    /// with status 128 + signal.
    case signal(Int32)
}

/// The ncurses backend: sets up the terminal, draws `ScreenBuffer`s, reads keys, handles
/// resize, signals and job control (Ctrl-Z / SIGTSTP suspends, `fg` redraws), and always
/// restores the terminal.
@MainActor public final class CursesTerminal {
    private let useColor: Bool
    private var lastCursorVisible = false

    private init(useColor: Bool) {
        self.useColor = useColor
    }

    /// Runs `program` until it returns `.quit` or SIGINT/SIGTERM/SIGHUP arrives.
    /// Loop: render → draw (one erase + one doupdate per frame), read a key with a timeout of
    /// `pollMilliseconds`, dispatch it (`handle`) or call `tick` on timeout. On resize the
    /// screen is cleared and redrawn. `endwin` is always called before returning or throwing
    /// (crashes and `exit` are covered by the C handlers and `atexit`).
    @discardableResult
    /// `afterFirstFrame` runs once the first frame is on screen; returning true ends the loop
    /// (used by the benchmark to time start-up through the real backend).
    public static func run(_ program: TerminalProgram, pollMilliseconds: Int = 250,
                           afterFirstFrame: (@MainActor () -> Bool)? = nil) throws -> TerminalExit {
        switch vc_init() {
        case 0: break
        case -1: throw TerminalError.notATerminal
        default: throw TerminalError.initialisationFailed(term: ProcessInfo.processInfo.environment["TERM"])
        }
        defer { vc_end() }
        // Clicks, double clicks and the wheel (VARSEL_MOUSE=0 leaves the mouse to the terminal).
        if ProcessInfo.processInfo.environment["VARSEL_MOUSE"] != "0" { _ = vc_enable_mouse() }

        let color = ColorPolicy.useColor(terminalHasColors: vc_has_colors() != 0,
                                         environment: ProcessInfo.processInfo.environment)
            && vc_start_colors() != 0
        let terminal = CursesTerminal(useColor: color)
        if color {
            for role in ColorRole.allCases {
                let a = Palette.appearance(role)
                _ = vc_init_pair(Int32(Palette.pairNumber(role)), Int32(a.foreground), Int32(a.background))
            }
        }
        return terminal.loop(program, pollMilliseconds: max(10, pollMilliseconds), afterFirstFrame: afterFirstFrame)
    }

    private func loop(_ program: TerminalProgram, pollMilliseconds: Int,
                      afterFirstFrame: (@MainActor () -> Bool)?) -> TerminalExit {
        var firstFrameHook = afterFirstFrame
        var needsDraw = true
        var needsClear = false
        while true {
            if let sig = pendingSignal() { return .signal(sig) }
            if vc_suspend_pending() != 0 {
                suspend()
                needsDraw = true
                needsClear = true
            }
            if needsDraw {
                let width = Int(vc_cols()), height = Int(vc_lines())
                draw(program.render(width: width, height: height), width: width, height: height, clear: needsClear)
                needsDraw = false
                needsClear = false
                if let hook = firstFrameHook {
                    firstFrameHook = nil
                    if hook() { return .quit }
                }
            }
            if let sig = pendingSignal() { return .signal(sig) }

            let step: ProgramStep
            if let key = readKey(timeoutMilliseconds: pollMilliseconds) {
                if key == .ctrl("z") {
                    // Raw mode delivers Ctrl-Z as a key, not as SIGTSTP: suspend as the shell expects.
                    suspend()
                    needsDraw = true
                    needsClear = true
                    continue
                }
                if key == .resize {
                    needsClear = true
                    needsDraw = true
                }
                step = program.handle(key)
            } else {
                step = program.tick()
            }
            switch step {
            case .quit: return .quit
            case .redraw: needsDraw = true
            case .none: break
            case .runOutside:
                // The editor of `E`: the terminal is the child's until it returns, then redrawn.
                vc_leave()
                let after = program.runOutside()
                vc_return()
                if after == .quit { return .quit }
                needsDraw = true
                needsClear = true
            }
        }
    }

    /// Ctrl-Z or SIGTSTP: the terminal is restored, the process stops (the shell prints "Stopped"),
    /// and after `fg` (SIGCONT) the screen is taken back; the caller redraws from scratch.
    private func suspend() {
        vc_suspend()
    }

    private func pendingSignal() -> Int32? {
        let sig = vc_pending_signal()
        return sig == 0 ? nil : sig
    }

    // MARK: - Drawing

    private func draw(_ buffer: ScreenBuffer, width: Int, height: Int, clear: Bool) {
        if clear { vc_clear() } else { vc_erase() }
        let w = min(width, buffer.width), h = min(height, buffer.height)
        var scalars: [UInt32] = []
        scalars.reserveCapacity(8)
        for y in 0..<h {
            var x = 0
            while x < w {
                let cell = buffer[x, y]
                defer { x += max(1, cell.width) }
                if cell.width == 0 { continue }            // right half of a wide character
                if cell.width == 2 && x + 1 >= w { continue } // cannot happen for a full-size buffer
                if cell.text == " " && cell.style == .normal { continue } // erase already blanked it
                scalars.removeAll(keepingCapacity: true)
                for s in cell.text.unicodeScalars { scalars.append(s.value) }
                if scalars.isEmpty { scalars.append(0x20) }
                let attrs = Palette.attributes(for: cell.style, color: useColor).rawValue
                let pair = useColor ? Int32(Palette.pairNumber(cell.style.role)) : 0
                _ = scalars.withUnsafeBufferPointer {
                    vc_put_cell(Int32(y), Int32(x), $0.baseAddress, Int32($0.count), attrs, pair)
                }
            }
        }
        if let c = buffer.cursorPosition, c.x >= 0, c.y >= 0, c.x < w, c.y < h {
            vc_set_cursor(Int32(c.y), Int32(c.x))
        } else {
            vc_set_cursor(-1, -1)
        }
        vc_present()
    }

    // MARK: - Keys

    /// One read from curses: a character code or one of our VC_KEY_* codes.
    private enum RawKey: Equatable {
        case char(UInt32)
        case key(Int32)
    }

    /// Keys read ahead while looking for a bracketed-paste start, delivered before new input.
    private var pendingKeys: [Key] = []

    private func readRaw(timeoutMilliseconds: Int) -> RawKey? {
        var code: UInt32 = 0
        switch vc_read_key(Int32(timeoutMilliseconds), &code) {
        case Int32(VC_READ_CHAR): return .char(code)
        case Int32(VC_READ_KEY): return .key(Int32(code))
        default: return nil
        }
    }

    private static func decode(_ raw: RawKey) -> Key? {
        switch raw {
        case .char(let code): Key.fromCharacterCode(code)
        case .key(let code): key(forCursesKey: code)
        }
    }

    private static let pasteStart: [UInt32] = Array("[200~".unicodeScalars.map(\.value))
    private static let pasteEnd: [UInt32] = Array("\u{1B}[201~".unicodeScalars.map(\.value))

    private func readKey(timeoutMilliseconds: Int) -> Key? {
        if !pendingKeys.isEmpty { return pendingKeys.removeFirst() }
        guard let raw = readRaw(timeoutMilliseconds: timeoutMilliseconds) else { return nil }
        guard raw == .char(27) else { return Self.decode(raw) }
        // ESC: the start of a bracketed paste (ESC[200~), or Esc / Alt-x as before.
        var read: [RawKey] = []
        for expected in Self.pasteStart {
            guard let next = readRaw(timeoutMilliseconds: 30) else { break }
            read.append(next)
            if next != .char(expected) { break }
        }
        if read.count == Self.pasteStart.count, read.last == .char(Self.pasteStart.last!) {
            return readPaste()
        }
        pendingKeys += read.compactMap(Self.decode)
        return .escape
    }

    /// Reads pasted text up to ESC[201~ (or until the terminal stops sending). Carriage
    /// returns, which terminals send for line breaks, become "\n".
    private func readPaste() -> Key {
        var codes: [UInt32] = []
        while let raw = readRaw(timeoutMilliseconds: 500) {
            guard case .char(let code) = raw else { continue } // a curses key code inside a paste
            codes.append(code)
            if codes.count >= Self.pasteEnd.count, Array(codes.suffix(Self.pasteEnd.count)) == Self.pasteEnd {
                codes.removeLast(Self.pasteEnd.count)
                break
            }
        }
        var text = ""
        var previousCR = false
        for code in codes {
            guard let scalar = Unicode.Scalar(code) else { continue }
            if code == 13 { text.append("\n"); previousCR = true; continue }
            if code == 10 && previousCR { previousCR = false; continue }
            previousCR = false
            text.unicodeScalars.append(scalar)
        }
        return .paste(text)
    }

    private static func key(forCursesKey code: Int32) -> Key? {
        switch code {
        case Int32(VC_KEY_UP): return .up
        case Int32(VC_KEY_DOWN): return .down
        case Int32(VC_KEY_LEFT): return .left
        case Int32(VC_KEY_RIGHT): return .right
        case Int32(VC_KEY_PAGE_UP): return .pageUp
        case Int32(VC_KEY_PAGE_DOWN): return .pageDown
        case Int32(VC_KEY_HOME): return .home
        case Int32(VC_KEY_END): return .end
        case Int32(VC_KEY_BACKSPACE): return .backspace
        case Int32(VC_KEY_DELETE): return .delete
        case Int32(VC_KEY_ENTER): return .enter
        case Int32(VC_KEY_BACK_TAB): return .backTab
        case Int32(VC_KEY_RESIZE): return .resize
        case Int32(VC_KEY_MOUSE):
            var y: Int32 = 0, x: Int32 = 0
            let kind: MouseEvent.Kind
            switch vc_mouse_event(&y, &x) {
            case Int32(VC_MOUSE_CLICK): kind = .click
            case Int32(VC_MOUSE_DOUBLE_CLICK): kind = .doubleClick
            case Int32(VC_MOUSE_WHEEL_UP): kind = .wheelUp
            case Int32(VC_MOUSE_WHEEL_DOWN): kind = .wheelDown
            default: return nil
            }
            return .mouse(MouseEvent(kind, x: Int(x), y: Int(y)))
        case let f where f > Int32(VC_KEY_F0) && f <= Int32(VC_KEY_F0) + 63:
            return .function(Int(f - Int32(VC_KEY_F0)))
        default: return nil
        }
    }
}
