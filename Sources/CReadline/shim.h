// GNU readline for the REPL's line reader, with setters for the globals Swift 6 cannot write.
#include <stdio.h>
#include <stdlib.h>
#include <readline/readline.h>
#include <readline/history.h>

/// Installs the function readline calls to complete a word.
static inline void sift_rl_set_completer(rl_completion_func_t *f) { rl_attempted_completion_function = f; }
/// Names the program for ~/.inputrc conditionals.
static inline void sift_rl_set_name(const char *name) { rl_readline_name = name; }
/// Stops readline from falling back to its own filename completion.
static inline void sift_rl_set_completion_over(int v) { rl_attempted_completion_over = v; }
/// Characters that separate words for completion.
static inline void sift_rl_set_word_breaks(const char *s) { rl_basic_word_break_characters = s; }
/// No space appended after a completed word (paths and `col` names continue).
static inline void sift_rl_set_append_character(int c) { rl_completion_append_character = c; }
/// The line being edited.
static inline const char *sift_rl_line(void) { return rl_line_buffer; }
/// The cursor position in the line.
static inline int sift_rl_point(void) { return rl_point; }
/// Leaves SIGINT to the program (readline would otherwise install its own handler).
static inline void sift_rl_set_catch_signals(int v) { rl_catch_signals = v; }
/// Abandons the line being typed and shows a fresh prompt (for Ctrl-C).
static inline void sift_rl_reset_line(void) {
    rl_free_line_state();
    rl_replace_line("", 0);
    rl_crlf();
    rl_on_new_line();
    rl_redisplay();
}
