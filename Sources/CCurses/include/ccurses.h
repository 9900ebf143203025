#ifndef VARSEL_CCURSES_H
#define VARSEL_CCURSES_H
/*
 * Plain-function facade over ncursesw for Swift 6.
 * Only ccurses.c includes <ncursesw/curses.h>: its globals (stdscr, LINES, COLS) and macros
 * (A_BOLD, COLOR_PAIR, KEY_F(n), getmaxyx, ...) are not usable from strict-concurrency Swift.
 * All functions must be called from the main thread.
 */
#include <stdint.h>

/* Attribute flags for vc_put_cell (match VarselUI TextAttributes). */
enum {
    VC_ATTR_BOLD = 1,
    VC_ATTR_REVERSE = 2,
    VC_ATTR_UNDERLINE = 4,
    VC_ATTR_DIM = 8
};

/* What vc_read_key returned. */
enum {
    VC_READ_NONE = 0,   /* timeout, no input */
    VC_READ_CHAR = 1,   /* *code is a Unicode scalar (may be a control character) */
    VC_READ_KEY = 2     /* *code is one of VC_KEY_* below */
};

/* Our own key codes (curses KEY_* values are macros and terminal-specific). */
enum {
    VC_KEY_UNKNOWN = 0,
    VC_KEY_UP, VC_KEY_DOWN, VC_KEY_LEFT, VC_KEY_RIGHT,
    VC_KEY_PAGE_UP, VC_KEY_PAGE_DOWN, VC_KEY_HOME, VC_KEY_END,
    VC_KEY_BACKSPACE, VC_KEY_DELETE, VC_KEY_ENTER, VC_KEY_BACK_TAB,
    VC_KEY_RESIZE, VC_KEY_INSERT,
    VC_KEY_MOUSE, /* a mouse event: read it with vc_mouse_event */
    VC_KEY_F0 = 100 /* F(n) = VC_KEY_F0 + n, n = 1...63 */
};

/* Installs SIGINT/SIGTERM/SIGHUP flag handlers, crash handlers (SIGSEGV, SIGABRT, SIGBUS,
 * SIGFPE, SIGILL, SIGTRAP: endwin, then re-raise with the previous action) and an atexit
 * hook. Idempotent; vc_init calls it. */
void vc_install_handlers(void);

/* setlocale(LC_ALL, ""), newterm on the controlling terminal, bracketed paste on (ESC[?2004h;
 * every exit path through vc_end, atexit and the crash handlers turns it off), raw, noecho,
 * keypad, curs_set(0), set_escdelay(25). Returns 0 on success, -1 if stdin/stdout is not a terminal, -2 if the
 * terminal could not be initialised (unknown TERM). */
int vc_init(void);
/* Restores the terminal (endwin) if curses is active. Idempotent, safe at any time. */
void vc_end(void);
int vc_is_active(void);

/* The signal that asked us to stop (SIGINT/SIGTERM/SIGHUP), or 0. */
int vc_pending_signal(void);
void vc_clear_pending_signal(void);

/* Job control. 1 when SIGTSTP arrived since the last suspend. vc_suspend restores the terminal,
 * stops the process group (SIGTSTP, default action) and, once continued (SIGCONT), takes the
 * terminal back; the caller then redraws everything. */
int vc_suspend_pending(void);
void vc_suspend(void);
/* Give the terminal to a child program (vc_leave) and take it back (vc_return); redraw after. */
void vc_leave(void);
void vc_return(void);

/* Colours: 1 if the terminal can do colours. vc_start_colors returns 1 when colours (with
 * the terminal's default colours, -1, if supported) are started. */
int vc_has_colors(void);
int vc_start_colors(void);
int vc_color_count(void);
/* fg/bg 0-7 or -1 for the terminal default. */
int vc_init_pair(int pair, int fg, int bg);

/* What vc_mouse_event reports. */
enum {
    VC_MOUSE_NONE = 0,
    VC_MOUSE_CLICK = 1,
    VC_MOUSE_DOUBLE_CLICK = 2,
    VC_MOUSE_WHEEL_UP = 3,
    VC_MOUSE_WHEEL_DOWN = 4
};
/* Reports clicks, double clicks and the wheel as VC_KEY_MOUSE (mousemask, mouseinterval).
 * Returns 1 when the terminal supports the mouse. */
int vc_enable_mouse(void);
/* After VC_KEY_MOUSE: the event (getmouse) as VC_MOUSE_*, its cell in *y, *x. */
int vc_mouse_event(int *y, int *x);

/* Screen size. */
int vc_lines(void);
int vc_cols(void);

/* Frame: vc_erase (or vc_clear after a resize), vc_put_cell..., vc_set_cursor, vc_present. */
void vc_erase(void);
void vc_clear(void);
/* Draws one cell: a grapheme cluster given as `count` Unicode scalars (the first is the base;
 * following zero-width scalars are combined as far as curses allows). */
int vc_put_cell(int y, int x, const uint32_t *scalars, int count, int attrs, int pair);
/* y < 0 hides the cursor. */
void vc_set_cursor(int y, int x);
/* wnoutrefresh(stdscr) + doupdate(): exactly once per frame. */
void vc_present(void);

/* Reads one key, waiting at most timeout_ms (-1 = block). Returns VC_READ_*. */
int vc_read_key(int timeout_ms, uint32_t *code);

/* For tests of the backend: the terminal's width of a code point per the C library. */
int vc_wcwidth(uint32_t cp);

#endif
