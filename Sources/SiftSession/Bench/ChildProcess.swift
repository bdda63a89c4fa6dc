// Runs a program as a child process and reports its output, exit status and peak memory (for `sift bench`).
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A finished child process.
struct ChildProcessResult {
    /// What it wrote to stdout.
    var output: String
    /// Its exit status (a signal gives 128 + the signal number).
    var status: Int32
    /// Its peak resident set size in bytes (`ru_maxrss` from `wait4`).
    var peakRSS: Int
}

/// Spawning children with `posix_spawn` and reaping them with `wait4`, which, unlike
/// Foundation's `Process`, gives the child's own peak RSS — the figure `/usr/bin/time -v` prints.
enum ChildProcess {
    /// The path of the running executable (for re-running `sift` as a child).
    static var currentExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Runs `path` with `arguments`, capturing stdout (stderr is inherited).
    ///
    /// - Returns: nil when the program cannot be started.
    static func run(_ path: String, _ arguments: [String]) -> ChildProcessResult? {
        #if canImport(Glibc)
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
        close(fds[1])
        guard spawned == 0 else { close(fds[0]); return nil }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = read(fds[0], &buffer, buffer.count)
            if n <= 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        close(fds[0])
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ChildProcessResult(output: String(decoding: bytes, as: UTF8.self), status: code, peakRSS: usage.ru_maxrss * 1024)
        #else
        return nil
        #endif
    }

    /// The peak RSS of this process so far, in bytes.
    static var selfPeakRSS: Int {
        #if canImport(Glibc)
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss * 1024
        #else
        return 0
        #endif
    }
}
