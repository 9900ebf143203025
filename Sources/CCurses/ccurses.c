/* wcwidth needs X/Open; NCURSES_WIDECHAR and _XOPEN_SOURCE_EXTENDED come from Package.swift. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#include <ncursesw/curses.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include "ccurses.h"

static volatile sig_atomic_t vc_active = 0;
static volatile sig_atomic_t vc_signal = 0;
static volatile sig_atomic_t vc_suspend_requested = 0;
static int vc_handlers_installed = 0;
static int vc_cursor_visible = 0;
static int vc_default_colors = 0;
static SCREEN *vc_screen = NULL;

static const int vc_crash_signals[] = { SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGTRAP };
#define VC_NCRASH ((int)(sizeof vc_crash_signals / sizeof vc_crash_signals[0]))
static struct sigaction vc_previous_crash[VC_NCRASH];

/* Bracketed paste (xterm, tmux, most terminals): pasted text arrives between ESC[200~ and
 * ESC[201~ so it is inserted as text instead of being read as keys. write(2) is
 * async-signal-safe, so the crash handler can switch it off too. */
static void vc_write(const char *s) {
    size_t n = strlen(s);
    while (n > 0) {
        ssize_t w = write(STDOUT_FILENO, s, n);
        if (w <= 0) return;
        s += w; n -= (size_t)w;
    }
}

static void vc_restore_terminal(void) {
    if (vc_active) {
        vc_active = 0;
        endwin();
        vc_write("\033[?2004l");
    }
}

static void vc_stop_handler(int sig) {
    /* Only set a flag; the run loop polls it and exits cleanly, restoring the terminal. */
    vc_signal = sig;
}

static void vc_tstp_handler(int sig) {
    /* SIGTSTP from outside (kill -TSTP, a job-control shell): suspend at the next poll, where the
     * terminal can be restored safely. (Ctrl-Z itself arrives as a key in raw mode.) */
    (void)sig;
    vc_suspend_requested = 1;
}

static void vc_crash_handler(int sig) {
    /* endwin is not formally async-signal-safe, but the process is dying anyway and a
     * terminal left in raw mode is worse. Then re-raise with the previous action
     * (the default, or the Swift runtime's backtracer) so the crash is still reported. */
    vc_restore_terminal();
    for (int i = 0; i < VC_NCRASH; i++) {
        if (vc_crash_signals[i] == sig) {
            sigaction(sig, &vc_previous_crash[i], NULL);
            break;
        }
    }
    raise(sig);
}

static void vc_atexit(void) { vc_restore_terminal(); }

void vc_install_handlers(void) {
    if (vc_handlers_installed) return;
    vc_handlers_installed = 1;

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = vc_stop_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: let a blocking read return */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);

    /* Ours before newterm, so ncurses does not install its own SIGTSTP handler. */
    struct sigaction tstp;
    memset(&tstp, 0, sizeof tstp);
    tstp.sa_handler = vc_tstp_handler;
    sigemptyset(&tstp.sa_mask);
    tstp.sa_flags = 0;
    sigaction(SIGTSTP, &tstp, NULL);

    struct sigaction crash;
    memset(&crash, 0, sizeof crash);
    crash.sa_handler = vc_crash_handler;
    sigemptyset(&crash.sa_mask);
    crash.sa_flags = SA_NODEFER;
    for (int i = 0; i < VC_NCRASH; i++) {
        sigaction(vc_crash_signals[i], &crash, &vc_previous_crash[i]);
    }
    atexit(vc_atexit);
}

int vc_init(void) {
    if (vc_active) return 0;
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) return -1;
    setlocale(LC_ALL, "");
    /* Varsel draws UTF-8 (å, ø, 東京, emoji). With LANG/LC_* unset or "C" (common over ssh
     * and in containers) ncursesw would print every non-ASCII character as an escape, so
     * fall back to a UTF-8 character type; the terminal itself is assumed to be UTF-8. */
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL || (strcmp(codeset, "UTF-8") != 0 && strcmp(codeset, "utf8") != 0)) {
        if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) setlocale(LC_CTYPE, "en_US.UTF-8");
    }
    /* Install ours before curses starts: ncurses only installs its own SIGINT/SIGTERM
     * handlers when the current disposition is the default. */
    vc_install_handlers();
    vc_signal = 0;
    if (vc_screen == NULL) {
        vc_screen = newterm(NULL, stdout, stdin);
        if (vc_screen == NULL) return -2;
    } else {
        set_term(vc_screen);
        refresh();
    }
    vc_active = 1;
    fflush(stdout);
    vc_write("\033[?2004h");
    set_escdelay(25);
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    curs_set(0);
    vc_cursor_visible = 0;
    leaveok(stdscr, FALSE);
    return 0;
}

void vc_end(void) {
    /* Blank the (alternate) screen first: after a resize some terminals (tmux) carry lines
     * of it over to the shell's screen, leaving fragments above the prompt. */
    if (vc_active) {
        werase(stdscr);
        wnoutrefresh(stdscr);
        doupdate();
    }
    vc_restore_terminal();
}
int vc_is_active(void) { return vc_active ? 1 : 0; }
int vc_pending_signal(void) { return (int)vc_signal; }
void vc_clear_pending_signal(void) { vc_signal = 0; }

int vc_suspend_pending(void) { return vc_suspend_requested ? 1 : 0; }

void vc_suspend(void) {
    /* As curses programs do on Ctrl-Z: restore the terminal, stop with the default SIGTSTP action
     * (the shell shows "Stopped"), and on SIGCONT take the terminal back; the caller redraws. */
    vc_suspend_requested = 0;
    if (!vc_active) return;
    endwin();
    fflush(stdout);
    struct sigaction dfl, ours;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(SIGTSTP, &dfl, &ours);
    sigset_t tstp, previous;
    sigemptyset(&tstp);
    sigaddset(&tstp, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &tstp, &previous);
    kill(0, SIGTSTP); /* the whole process group, as the terminal driver would */
    /* Execution continues here after SIGCONT. */
    sigprocmask(SIG_SETMASK, &previous, NULL);
    sigaction(SIGTSTP, &ours, NULL);
    vc_suspend_requested = 0;
    reset_prog_mode();
    clearok(curscr, TRUE);
    refresh();
}

void vc_leave(void) {
    /* Hand the terminal to a child program (the $EDITOR of `E`): as on Ctrl-Z, but without
     * stopping; vc_return takes it back and the caller redraws from scratch. */
    if (!vc_active) return;
    def_prog_mode();
    endwin();
    vc_write("\033[?2004l");
    fflush(stdout);
}

void vc_return(void) {
    if (!vc_active) return;
    vc_write("\033[?2004h");
    reset_prog_mode();
    clearok(curscr, TRUE);
    refresh();
}

int vc_has_colors(void) { return vc_active && has_colors() ? 1 : 0; }

int vc_start_colors(void) {
    if (!vc_has_colors()) return 0;
    if (start_color() == ERR) return 0;
    vc_default_colors = (use_default_colors() == OK);
    return 1;
}

int vc_color_count(void) { return vc_active ? COLORS : 0; }

int vc_init_pair(int pair, int fg, int bg) {
    if (!vc_default_colors) {
        if (fg < 0) fg = COLOR_WHITE;
        if (bg < 0) bg = COLOR_BLACK;
    }
    if (pair <= 0 || pair >= COLOR_PAIRS) return -1;
    return init_pair((short)pair, (short)fg, (short)bg) == OK ? 0 : -1;
}

int vc_lines(void) { return vc_active ? LINES : 0; }
int vc_cols(void) { return vc_active ? COLS : 0; }

void vc_erase(void) { werase(stdscr); }
void vc_clear(void) { wclear(stdscr); }

static attr_t vc_attrs(int flags) {
    attr_t a = A_NORMAL;
    if (flags & VC_ATTR_BOLD) a |= A_BOLD;
    if (flags & VC_ATTR_REVERSE) a |= A_REVERSE;
    if (flags & VC_ATTR_UNDERLINE) a |= A_UNDERLINE;
    if (flags & VC_ATTR_DIM) a |= A_DIM;
    return a;
}

int vc_put_cell(int y, int x, const uint32_t *scalars, int count, int attrs, int pair) {
    if (!vc_active || count <= 0) return -1;
    wchar_t w[CCHARW_MAX + 1];
    int n = 0;
    w[n++] = (wchar_t)scalars[0];
    /* curses keeps one spacing character plus the following zero-width ones; a cluster it
     * cannot hold (ZWJ sequences, flags) is shown by its first character. */
    for (int i = 1; i < count && n < CCHARW_MAX; i++) {
        if (wcwidth((wchar_t)scalars[i]) != 0) break;
        w[n++] = (wchar_t)scalars[i];
    }
    /* A character the C library does not know (newer Unicode than glibc, wcwidth < 0) would
     * not be drawn at all by curses: show U+FFFD instead so something is visible. */
    if (wcwidth(w[0]) < 0) { w[0] = 0xFFFD; n = 1; }
    /* A trailing ZWJ would join with the next cell's character. */
    while (n > 1 && w[n - 1] == 0x200D) n--;
    w[n] = L'\0';
    cchar_t cc;
    if (setcchar(&cc, w, vc_attrs(attrs), (short)pair, NULL) == ERR) {
        wchar_t q[2] = { L'?', L'\0' };
        setcchar(&cc, q, vc_attrs(attrs), (short)pair, NULL);
    }
    /* Writing the bottom-right cell returns ERR (the cursor cannot advance); the character
     * is placed anyway. */
    return mvwadd_wch(stdscr, y, x, &cc) == OK ? 0 : -1;
}

void vc_set_cursor(int y, int x) {
    if (!vc_active) return;
    if (y < 0 || x < 0) {
        if (vc_cursor_visible) { curs_set(0); vc_cursor_visible = 0; }
        return;
    }
    wmove(stdscr, y, x);
    if (!vc_cursor_visible) { curs_set(1); vc_cursor_visible = 1; }
}

void vc_present(void) {
    if (!vc_active) return;
    wnoutrefresh(stdscr);
    doupdate();
}

static int vc_map_key(wint_t k) {
    switch (k) {
    case KEY_UP: return VC_KEY_UP;
    case KEY_DOWN: return VC_KEY_DOWN;
    case KEY_LEFT: return VC_KEY_LEFT;
    case KEY_RIGHT: return VC_KEY_RIGHT;
    case KEY_PPAGE: return VC_KEY_PAGE_UP;
    case KEY_NPAGE: return VC_KEY_PAGE_DOWN;
    case KEY_HOME: case KEY_FIND: case KEY_A1: return VC_KEY_HOME;
    case KEY_END: case KEY_SELECT: case KEY_LL: case KEY_C1: return VC_KEY_END;
    case KEY_A3: return VC_KEY_PAGE_UP;
    case KEY_C3: return VC_KEY_PAGE_DOWN;
    case KEY_BACKSPACE: return VC_KEY_BACKSPACE;
    case KEY_DC: return VC_KEY_DELETE;
    case KEY_IC: return VC_KEY_INSERT;
    case KEY_ENTER: return VC_KEY_ENTER;
    case KEY_BTAB: return VC_KEY_BACK_TAB;
    case KEY_RESIZE: return VC_KEY_RESIZE;
    case KEY_MOUSE: return VC_KEY_MOUSE;
    default: break;
    }
    if (k >= KEY_F(1) && k <= KEY_F(63)) return VC_KEY_F0 + (int)(k - KEY_F0);
    return VC_KEY_UNKNOWN;
}

int vc_enable_mouse(void) {
    if (!vc_active) return 0;
    mmask_t wanted = BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
    wanted |= BUTTON5_PRESSED;
#endif
    mmask_t got = mousemask(wanted, NULL);
    mouseinterval(250);
    return got != 0 && has_mouse() ? 1 : 0;
}

int vc_mouse_event(int *y, int *x) {
    MEVENT e;
    if (!vc_active || getmouse(&e) != OK) return VC_MOUSE_NONE;
    *y = e.y; *x = e.x;
    if (e.bstate & BUTTON1_DOUBLE_CLICKED) return VC_MOUSE_DOUBLE_CLICK;
    if (e.bstate & BUTTON1_CLICKED) return VC_MOUSE_CLICK;
    if (e.bstate & BUTTON4_PRESSED) return VC_MOUSE_WHEEL_UP;
#ifdef BUTTON5_PRESSED
    if (e.bstate & BUTTON5_PRESSED) return VC_MOUSE_WHEEL_DOWN;
#endif
    return VC_MOUSE_NONE;
}

int vc_read_key(int timeout_ms, uint32_t *code) {
    if (!vc_active) return VC_READ_NONE;
    wtimeout(stdscr, timeout_ms);
    wint_t ch = 0;
    int r = wget_wch(stdscr, &ch);
    if (r == KEY_CODE_YES) {
        *code = (uint32_t)vc_map_key(ch);
        return VC_READ_KEY;
    }
    if (r == OK) {
        *code = (uint32_t)ch;
        return VC_READ_CHAR;
    }
    return VC_READ_NONE; /* ERR: timeout or interrupted by a signal */
}

int vc_wcwidth(uint32_t cp) { return wcwidth((wchar_t)cp); }
