// The sift executable: arguments, terminal checks and the line reader; everything else lives in SiftSession.
import CMalloc
import SiftSession
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

sift_tune_allocator()

let stdinIsTerminal = isatty(STDIN_FILENO) == 1
let stdoutIsTerminal = isatty(STDOUT_FILENO) == 1
var size = winsize()
let hasSize = stdoutIsTerminal && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0
let noColor = (getenv("NO_COLOR").map { String(cString: $0) } ?? "").isEmpty == false

let terminal = Terminal(stdinIsTerminal: stdinIsTerminal, stdoutIsTerminal: stdoutIsTerminal,
                        width: hasSize ? Int(size.ws_col) : nil, height: hasSize ? Int(size.ws_row) : nil,
                        noColorVariable: noColor)

/// Writes all of `text` to a file descriptor (unbuffered: outputs and errors stay in order).
func writeAll(_ fd: Int32, _ text: String) {
    var text = text
    text.withUTF8 { buf in
        guard let base = buf.baseAddress else { return }
        var offset = 0
        while offset < buf.count {
            let n = write(fd, base + offset, buf.count - offset)
            if n <= 0 { return }
            offset += n
        }
    }
}

let runner = Runner(
    terminal: terminal,
    out: { writeAll(STDOUT_FILENO, $0) },
    err: { writeAll(STDERR_FILENO, $0) },
    readStdin: {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = read(STDIN_FILENO, &buffer, buffer.count)
            if n <= 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        return String(decoding: bytes, as: UTF8.self)
    },
    makeLineReader: { completer in ReadlineLineReader(completer: completer) }
)
exit(runner.main(Array(CommandLine.arguments.dropFirst())))
