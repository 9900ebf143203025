#ifndef VARSEL_CCURSES_H
#define VARSEL_CCURSES_H
/* Plain-function facade over ncursesw. Only ccurses.c includes curses.h. */
int vc_placeholder(void);
#endif
