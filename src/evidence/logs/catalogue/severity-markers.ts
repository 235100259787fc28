/**
 * Severity said by the content of a line when no level field or level word says it: exception
 * class names, panics, tracebacks, `error:` after a program name, failed logins, OOM kills, 5xx
 * request lines. One entry per marker, each with the keywords that gate its regex (a cheap
 * pre-filter: most lines carry none of them) and its own real-shaped examples, which a test runs.
 *
 * Error markers are tried before warning markers; the first that matches decides. A level the
 * line states itself (a level field, `ERROR`, `[warn]`, a learned level column) always wins, so
 * `INFO instruction cache parity error corrected` stays info.
 */
export type MarkerLevel = 'error' | 'warn'

export interface SeverityMarker {
  id: string
  description: string
  level: MarkerLevel
  /** Substrings (case-sensitive) of which at least one must occur for the pattern to be tried. */
  keywords: readonly string[]
  /** A named group `ip`, when present, is the client address the line is about (a failed login's source). */
  pattern: RegExp
  /**
   * What a matching line is to a failed login, so each attempt is counted once: the attempt's own
   * line (`Failed password for …`), PAM's record of the same attempt (`authentication failure;`,
   * which sshd writes beside its own line), or a companion that is no attempt of its own (the
   * connection's `Invalid user`, a break-in warning, a disconnect or "message repeated" summary).
   */
  login?: 'attempt' | 'pam' | 'companion'
  examples: {match: readonly string[]; nonMatch: readonly string[]}
}

export const SEVERITY_MARKERS: readonly SeverityMarker[] = [
  {
    id: 'panic',
    description: 'A Go or Rust panic, a kernel panic, a filesystem "domain panic"',
    level: 'error',
    keywords: ['panic'],
    pattern: /\bpanic(?:: |\s+-\s+not syncing| has occurred)|\bpanicked at\b/,
    examples: {
      match: [
        'panic: runtime error: invalid memory address or nil pointer dereference',
        "thread 'main' panicked at src/main.rs:4:5:",
        'Kernel panic - not syncing: Fatal exception in interrupt',
        'ServerFileSystem: An ServerFileSystem domain panic has occurred on storage442',
      ],
      nonMatch: ['no-panic mode enabled', 'panicking is not allowed here'],
    },
  },
  {
    id: 'python-traceback',
    description: 'The first line of a Python traceback',
    level: 'error',
    keywords: ['Traceback'],
    pattern: /Traceback \(most recent call last\)/,
    examples: {match: ['Traceback (most recent call last):'], nonMatch: ['Traceback sampling enabled for 1% of requests']},
  },
  {
    id: 'exception-class',
    description: 'An exception or error class name: qualified (java.lang.OutOfMemoryError), or followed by ":" or "(" (NameResolutionError(…))',
    level: 'error',
    keywords: ['Exception', 'Error'],
    pattern: /\b(?:[a-z_][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error)\b|(?:^|[\s(["'])[A-Z][a-z][\w$]*(?:Exception|Error)(?::|\(|$)/,
    examples: {
      match: [
        'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space',
        'java.lang.OutOfMemoryError: Java heap space',
        "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.example.com', port=443): Max retries exceeded with url: /v1/charge (Caused by NameResolutionError(\"<urllib3.connection.HTTPSConnection object at 0x7f3c2a1b4d90>: Failed to resolve 'api.example.com' ([Errno -2] Name or service not known)\"))",
        'ValueError: invalid literal for int() with base 10: \'abc\'',
        'Unhandled rejection TypeError: Cannot read properties of undefined (reading \'id\')',
      ],
      nonMatch: ['ErrorHandler registered for /api', 'ExceptionMapper loaded', 'errors=0 warnings=2', 'kFigStringConformerError_ParamErr (NULL key)'],
    },
  },
  {
    id: 'exception-word',
    description: 'The word Exception after a capitalised word ("Java Network Exception") or as "Exception in thread"',
    level: 'error',
    keywords: ['Exception'],
    pattern: /\b[A-Z][a-z]+ Exception\b|\bException(?: in thread\b|:)/,
    examples: {
      match: ['Java Network Exception while contacting payments', 'Exception in thread "pool-1-thread-3"', 'Unhandled Exception: System.NullReferenceException'],
      nonMatch: ['exception handler installed', 'Exceptionally quiet night'],
    },
  },
  {
    id: 'fatal-critical-word',
    description: 'FATAL, CRITICAL, SEVERE, EMERG, PANIC in capitals, or "Fatal:" / "Critical:"',
    level: 'error',
    keywords: ['FATAL', 'CRITICAL', 'SEVERE', 'EMERG', 'PANIC', 'Fatal', 'Critical'],
    pattern: /\b(?:FATAL|CRITICAL|SEVERE|EMERG(?:ENCY)?|PANIC)\b|\b(?:Fatal|Critical)(?: error)?:/,
    examples: {
      match: ['mysqld: FATAL InnoDB: cannot allocate memory for the buffer pool', 'Fatal error: Allowed memory size of 134217728 bytes exhausted', 'Critical: disk /dev/sda1 at 99%'],
      nonMatch: ['critical path computed in 3 ms', 'Severely delayed batch'],
    },
  },
  {
    id: 'error-label',
    description: '"error:" / "fatal:" as a label: after a program name (sshd[123]: error:), at the start, or spaced (Proxifier\'s "error :")',
    level: 'error',
    keywords: ['error', 'Error', 'ERROR', 'fatal', 'Fatal'],
    pattern: /(?:^|[\s\]>)|-])(?:error|Error|ERROR|fatal|Fatal)\s?:(?!\s*(?:none|null|nil|0|false|\(null\))\s*(?:$|[,;)]))(?:\s|$)/,
    examples: {
      match: [
        'LabSZ sshd[24200]: error: Received disconnect from 103.99.0.122: 14: No more user authentication methods available. [preauth]',
        'LabSZ sshd[24227]: fatal: Write failed: Connection reset by peer [preauth]',
        'chrome.exe - proxy.cse.cuhk.edu.hk:5070 error : Could not connect to proxy proxy.cse.cuhk.edu.hk:5070 - connection attempt failed with error 10061',
        '/bin/sh: syntax error: unexpected "fi"',
        'boot (command 2869) Error: HALT asserted',
        'ERROR: null value in column "currency" violates not-null constraint',
      ],
      nonMatch: ['last error: none', 'onError: handler set', 'errors: 0', 'error_count=3', 'retrying after error in worker'],
    },
  },
  {
    id: 'segfault',
    description: 'A segmentation fault or core dump',
    level: 'error',
    keywords: ['segfault', 'Segmentation fault', 'SIGSEGV', 'core dumped'],
    pattern: /\bsegfault at\b|Segmentation fault|\bSIGSEGV\b|\(core dumped\)/,
    examples: {
      match: ['kernel: node[4123]: segfault at 0 ip 00007f2b5c1d2e3f sp 00007ffd0c9d1a80 error 4 in libc-2.31.so', 'Segmentation fault (core dumped)', 'signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a2b3c'],
      nonMatch: ['segfault handler registered? no', 'SIGSEGVs are rare here'],
    },
  },
  {
    id: 'oom-kill',
    description: 'The kernel OOM killer, a container OOMKilled, an out-of-memory error',
    level: 'error',
    keywords: ['Killed process', 'Out of memory', 'OOMKilled', 'oom-kill', 'oom_reaper', 'OutOfMemory', 'Cannot allocate memory'],
    pattern: /Killed process \d+|Out of memory: Kill|\bOOMKilled\b|\boom-kill(?:er)?\b|\boom_reaper\b|\bOutOfMemory|Cannot allocate memory/,
    examples: {
      match: [
        'kernel: Out of memory: Killed process 4121 (java) total-vm:8123456kB, anon-rss:4012345kB',
        'kernel: Killed process 4121 (java) total-vm:8123456kB',
        'java invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0',
        'Last State: Terminated, Reason: OOMKilled, Exit Code: 137',
        'fork: Cannot allocate memory',
      ],
      nonMatch: ['oom score adjusted to -998', 'Killed processes are restarted by systemd'],
    },
  },
  {
    id: 'kubernetes-failure-reason',
    description: 'Kubernetes reasons a container is failing: crash loop, image pull, config error',
    level: 'error',
    keywords: ['CrashLoopBackOff', 'ImagePullBackOff', 'ErrImagePull', 'CreateContainerConfigError', 'Back-off restarting failed container', 'RunContainerError', 'InvalidImageName'],
    pattern: /\b(?:CrashLoopBackOff|ImagePullBackOff|ErrImagePull|CreateContainerConfigError|RunContainerError|InvalidImageName)\b|Back-off restarting failed container/,
    examples: {
      match: ['checkout-7d9f8b6c5-x2x9q   0/1     CrashLoopBackOff   5 (40s ago)   4m', 'Back-off restarting failed container api in pod checkout-7d9f8b6c5-x2x9q_shop'],
      nonMatch: ['BackOff policy set to exponential'],
    },
  },
  {
    id: 'routing-failure',
    description: 'A router losing a BGP session or its prefix limit (syslog severities 3–5 carry no level word)',
    level: 'error',
    keywords: ['BGP', 'ADJCHANGE', 'Hold timer', 'prefix'],
    pattern: /%(?:BGP-\d-)?ADJCHANGE: neighbor \S+.{0,40}? Down\b|%BGP-(?:4-MAXPFX|3-MAXPFXEXCEED|3-NOTIFICATION):|Error: Hold timer expired|Maximum number of prefixes reached/,
    examples: {
      match: ['Jun 24 10:35:01 edge-rtr-1 %BGP-5-ADJCHANGE: neighbor 192.0.2.1 Down BGP Notification sent', '%BGP-4-MAXPFX: No. of prefix received from 192.0.2.1 (afi 0) reaches 8021, max 10000', 'bird: bgp_transit1: Error: Hold timer expired'],
      nonMatch: ['%BGP-5-ADJCHANGE: neighbor 192.0.2.1 Up'],
    },
  },
  {
    id: 'http-5xx-request',
    description: 'A request line or status field with a 5xx status inside a text line',
    level: 'error',
    keywords: ['HTTP/', 'status'],
    pattern: /"[A-Z]{3,7} \S+ HTTP\/[\d.]+" 5\d\d\b|\bstatus(?:_code)?(?::\s?|=)5\d\d\b/,
    examples: {
      match: [
        '10.11.10.1 "POST /v2/54fadb412c4e40cdbaed9335e4c35a9e/servers HTTP/1.1" status: 500 len: 245 time: 0.0530410',
        'upstream "GET /api/orders HTTP/1.1" 502 157 "-" "curl/8.4.0"',
        'request finished method=GET path=/api/cart status=503',
      ],
      nonMatch: ['10.11.10.1 "GET /v2/servers/detail HTTP/1.1" status: 200 len: 1893 time: 0.2477829', 'status=5000 items synced'],
    },
  },
  {
    id: 'exit-nonzero',
    description: 'A process that exited with a non-zero code or status',
    level: 'error',
    keywords: ['exit', 'Exit'],
    pattern: /\b[Ee]xit(?:ed)?(?: with)? (?:[Cc]ode|[Ss]tatus)[ :=]*[1-9]\d*\b|\bcode=exited, status=[1-9]/,
    examples: {
      match: ['worker exited with code 137', 'app.service: Main process exited, code=exited, status=1/FAILURE', 'command failed: exit status 2', 'Exit Code: 1'],
      nonMatch: ['worker exited with code 0', 'exit status 0'],
    },
  },
  {
    id: 'syslog-repeated-login-failure',
    description: 'syslog folding repeats of a failed login into one "message repeated N times: [ Failed password … ]" line',
    level: 'warn',
    keywords: ['message repeated'],
    pattern: /message repeated \d+ times: \[ ?Failed (?:password|publickey|none|keyboard-interactive(?:\/pam)?) for\b(?:.*? from (?<ip>\d{1,3}(?:\.\d{1,3}){3}|[\da-fA-F]*:[\da-fA-F:.]+))?/,
    login: 'companion',
    examples: {
      match: ['LabSZ sshd[24227]: message repeated 5 times: [ Failed password for root from 5.36.59.76 port 42393 ssh2]'],
      nonMatch: ['message repeated 3 times: [ Accepted publickey for deploy from 10.0.0.5 port 51234 ssh2]', 'LabSZ sshd[24227]: Failed password for root from 5.36.59.76 port 42393 ssh2'],
    },
  },
  {
    id: 'ssh-failed-password',
    description: 'sshd: a failed login (password, public key, none, keyboard-interactive)',
    level: 'warn',
    login: 'attempt',
    keywords: ['Failed '],
    pattern: /\bFailed (?:password|publickey|none|keyboard-interactive(?:\/pam)?) for\b(?:.*? from (?<ip>\d{1,3}(?:\.\d{1,3}){3}|[\da-fA-F]*:[\da-fA-F:.]+))?/,
    examples: {
      match: ['LabSZ sshd[24206]: Failed password for invalid user test9 from 52.80.34.196 port 36060 ssh2', 'sshd[1021]: Failed publickey for root from 203.0.113.9 port 50022 ssh2'],
      nonMatch: ['Failed to load password file', 'Accepted password for deploy from 10.0.0.5 port 51234 ssh2'],
    },
  },
  {
    id: 'ssh-invalid-user',
    description: 'sshd: a connection for a user that does not exist (its password attempts have lines of their own)',
    level: 'warn',
    login: 'companion',
    keywords: ['nvalid user'],
    pattern: /\b[Ii]nvalid user\s+(?:\S+\s+)?from (?<ip>\d{1,3}(?:\.\d{1,3}){3}|[\da-fA-F]*:[\da-fA-F:.]+)|input_userauth_request: invalid user\b/,
    examples: {
      match: ['LabSZ sshd[24200]: Invalid user webmaster from 173.234.31.186', 'LabSZ sshd[24361]: Invalid user  0101 from 5.188.10.180', 'sshd[24200]: input_userauth_request: invalid user webmaster [preauth]'],
      nonMatch: ['user validation passed for webmaster'],
    },
  },
  {
    id: 'ssh-break-in-attempt',
    description: 'sshd: reverse mapping failed, "POSSIBLE BREAK-IN ATTEMPT!"',
    level: 'warn',
    login: 'companion',
    keywords: ['BREAK-IN'],
    pattern: /(?:\[(?<ip>\d{1,3}(?:\.\d{1,3}){3}|[\da-fA-F]*:[\da-fA-F:.]+)\] failed - )?POSSIBLE BREAK-IN ATTEMPT/,
    examples: {
      match: ['reverse mapping checking getaddrinfo for ns.marryaldkfaczcz.com [173.234.31.186] failed - POSSIBLE BREAK-IN ATTEMPT!'],
      nonMatch: ['break-in detection enabled'],
    },
  },
  {
    id: 'pam-auth-failure',
    description: 'PAM: "authentication failure;", one per failed attempt through PAM (beside the program\'s own line, when it writes one)',
    level: 'warn',
    login: 'pam',
    keywords: ['uthentication failure;'],
    pattern: /\b[Aa]uthentication failure;(?:.*?\brhost=(?<ip>\d{1,3}(?:\.\d{1,3}){3}|[\da-fA-F]*:[\da-fA-F:.]+))?/,
    examples: {
      match: [
        'combo sshd(pam_unix)[19939]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=218.188.2.4',
        'LabSZ sshd[24200]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=173.234.31.186',
      ],
      nonMatch: ['authentication succeeded for root', 'authentication failure counter reset', 'PAM 5 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=112.95.230.3  user=root'],
    },
  },
  {
    id: 'auth-failure-summary',
    description: 'A summary of failed attempts already logged one by one: "Too many authentication failures", "PAM 5 more authentication failures"',
    level: 'warn',
    login: 'companion',
    keywords: ['uthentication failures'],
    pattern: /Too many authentication failures|\bmore authentication failures?\b(?:.*?\brhost=(?<ip>\d{1,3}(?:\.\d{1,3}){3}|[\da-fA-F]*:[\da-fA-F:.]+))?/,
    examples: {
      match: ['Disconnecting: Too many authentication failures for root [preauth]', 'PAM 5 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=112.95.230.3  user=root'],
      nonMatch: ['authentication failures are counted per source', 'combo sshd(pam_unix)[19939]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=218.188.2.4'],
    },
  },
  {
    id: 'auth-failed',
    description: 'A failed authentication in words ("Authentication failed", "authentication failed for …")',
    level: 'warn',
    login: 'attempt',
    keywords: ['uthentication failed'],
    pattern: /\b[Aa]uthentication failed\b(?:.*? from (?<ip>\d{1,3}(?:\.\d{1,3}){3}))?/,
    examples: {
      match: ['combo ftpd[24487]: Kerberos authentication failed', 'combo klogind[2412]: Authentication failed from 163.27.187.39 (163.27.187.39): Permission denied in replay cache code'],
      nonMatch: ['authentication succeeded for root', 'authentication failedover to the standby'],
    },
  },
  {
    id: 'permission-denied',
    description: 'Permission or access denied',
    level: 'warn',
    keywords: ['Permission denied', 'Access denied', 'access denied'],
    pattern: /\bPermission denied\b|\b[Aa]ccess denied\b/,
    examples: {match: ['open("/var/lib/app/state"): Permission denied', 'Access denied for user \'app\'@\'10.0.0.7\' (using password: YES)'], nonMatch: ['permission check passed']},
  },
  {
    id: 'warning-label',
    description: 'WARN/WARNING in capitals, or "warning:" as a label',
    level: 'warn',
    keywords: ['WARN', 'warning', 'Warning'],
    pattern: /\bWARN(?:ING)?\b|(?:^|[\s\]>)|-])(?:warning|Warning)\s?:\s/,
    examples: {
      match: ['Warning: we failed to resolve data source name an4/an4', 'combo xinetd[26482]: warning: can\'t get client address: Connection reset by peer', 'node-12 WARNING fan speed low'],
      nonMatch: ['warnings suppressed for this module', 'prewarning stage skipped'],
    },
  },
  {
    id: 'failed-to',
    description: '"Failed to …", "Unable to …", "Could not …" at the start of a clause',
    level: 'warn',
    keywords: ['ailed to', 'nable to', 'ould not'],
    pattern: /(?:^|[:\-]\s|\]\s)(?:[Ff]ailed to|[Uu]nable to|[Cc]ould not) [a-z]/,
    examples: {
      match: ['-[ISGenerateImageOp generateImageWithCompletion:] Failed to composit image for descriptor', 'Could not connect to proxy proxy.cse.cuhk.edu.hk:5070', 'cron[812]: unable to qualify my own domain name (dn228) -- using short name'],
      nonMatch: ['the job never failed to start on time', 'Finished: failed to 0 nodes'],
    },
  },
]
