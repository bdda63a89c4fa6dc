// GNU readline for the REPL's line reader, with setters for the globals Swift 6 cannot write.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>
