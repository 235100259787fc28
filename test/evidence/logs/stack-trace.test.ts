import {describe, expect, it} from 'vitest'

import {continuesEvent, frameFunctionName, isTraceContinuation, parseException, repoRelativePath} from '../../../src/evidence/logs/stack-trace.js'

describe('isTraceContinuation', () => {
  it('accepts indented frames, Caused by and exception headers', () => {
    expect(isTraceContinuation('\tat com.shop.A.b(A.java:10)', false)).toBe(true)
    expect(isTraceContinuation('    at placeOrder (/app/src/orders.js:88:13)', false)).toBe(true)
    expect(isTraceContinuation('Caused by: java.sql.SQLException: boom', false)).toBe(true)
    expect(isTraceContinuation('java.lang.IllegalStateException: closed', false)).toBe(true)
    expect(isTraceContinuation('Traceback (most recent call last):', false)).toBe(true)
    expect(isTraceContinuation('goroutine 1 [running]:', false)).toBe(true)
  })

  it('accepts Go function lines and Python final lines only inside a trace', () => {
    expect(isTraceContinuation('main.(*Server).handle(0xc000010000, 0x1)', true)).toBe(true)
    expect(isTraceContinuation('main.(*Server).handle(0xc000010000, 0x1)', false)).toBe(false)
    expect(isTraceContinuation('KeyError: missing', true)).toBe(true)
  })

  it('rejects ordinary lines and blank indentation', () => {
    expect(isTraceContinuation('server started on port 80', false)).toBe(false)
    expect(isTraceContinuation('   ', false)).toBe(false)
  })
})

describe('parseException', () => {
  it('reads a Java trace: root cause type and the first frames', () => {
    const parsed = parseException('2024-03-01 14:02:11 ERROR OrderService - insert failed', [
      'org.springframework.dao.DataIntegrityViolationException: could not execute statement',
      '\tat org.hibernate.Foo.bar(Foo.java:12)',
      '\tat com.shop.orders.OrderRepository.insert(OrderRepository.java:88)',
      'Caused by: org.postgresql.util.PSQLException: ERROR: null value in column "currency"',
      '\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2676)',
      '\t... 42 more',
    ])!
    expect(parsed.type).toBe('org.postgresql.util.PSQLException')
    expect(parsed.message).toBe('ERROR: null value in column "currency"')
    expect(parsed.frames[1]).toEqual({file: 'OrderRepository.java', line: 88, function: 'com.shop.orders.OrderRepository.insert'})
    expect(parsed.frames).toHaveLength(3)
  })

  it('reads a Node trace', () => {
    const parsed = parseException("TypeError: Cannot read properties of undefined (reading 'id')", [
      '    at placeOrder (/app/src/orders.js:88:13)',
      '    at async /app/src/server.js:20:5',
    ])!
    expect(parsed.type).toBe('TypeError')
    expect(parsed.frames).toEqual([
      {file: '/app/src/orders.js', line: 88, function: 'placeOrder'},
      {file: '/app/src/server.js', line: 20, function: '<anonymous>'},
    ])
  })

  it('reads a Python traceback innermost frame first', () => {
    const parsed = parseException('2024-03-01 14:02:11 ERROR failed', [
      'Traceback (most recent call last):',
      '  File "/app/main.py", line 10, in handler',
      '    place()',
      '  File "/app/orders.py", line 42, in place',
      '    row["currency"]',
      "KeyError: 'currency'",
    ])!
    expect(parsed.type).toBe('KeyError')
    expect(parsed.message).toBe("'currency'")
    expect(parsed.frames[0]).toEqual({file: '/app/orders.py', line: 42, function: 'place'})
  })

  it('reads a Go panic', () => {
    const parsed = parseException('panic: runtime error: index out of range [3] with length 2', [
      'goroutine 1 [running]:',
      'main.(*Cart).Total(0xc000012345)',
      '\t/app/cart.go:42 +0x1d',
      'main.main()',
      '\t/app/main.go:12 +0x25',
    ])!
    expect(parsed.type).toBe('panic')
    expect(parsed.message).toBe('runtime error: index out of range [3] with length 2')
    expect(parsed.frames).toEqual([
      {file: '/app/cart.go', line: 42, function: 'main.(*Cart).Total'},
      {file: '/app/main.go', line: 12, function: 'main.main'},
    ])
  })

  it('returns null when nothing looks like an exception', () => {
    expect(parseException('plain', ['  more text'])).toBeNull()
  })

  it('reads a Go goroutine trace past the [signal] line, skipping runtime frames', () => {
    const parsed = parseException('panic: runtime error: invalid memory address or nil pointer dereference', [
      '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x6b2c1d]',
      'goroutine 42 [running]:',
      'panic({0x7a1e40?, 0xc0000a4000?})',
      '\t/usr/local/go/src/runtime/panic.go:770 +0x132',
      'github.com/acme/orders/internal/store.(*OrderStore).Total(0x0, {0xc0001a2000, 0x24})',
      '\t/build/internal/store/orders.go:88 +0x1d',
      'net/http.HandlerFunc.ServeHTTP(0xc000118120, {0x8f1e40, 0xc0002a0000}, 0xc000312000)',
      '\t/usr/local/go/src/net/http/server.go:2136 +0x29',
      'goroutine 1 [IO wait]:',
      'main.main()',
      '\t/build/cmd/orders/main.go:30 +0x25',
    ])!
    expect(parsed.frames).toEqual([{file: '/build/internal/store/orders.go', line: 88, function: 'github.com/acme/orders/internal/store.(*OrderStore).Total'}])
  })

  it('reads the goroutine trace after a panic net/http recovered', () => {
    const parsed = parseException('2024/07/09 10:45:01 http: panic serving 10.1.2.3:51234: assignment to entry in nil map', [
      'goroutine 1234 [running]:',
      'net/http.(*conn).serve.func1()',
      '\t/usr/local/go/src/net/http/server.go:1868 +0xb9',
      'github.com/acme/cart/internal/cart.(*Cart).Merge(0xc000124000, 0xc0001a8000)',
      '\t/src/internal/cart/merge.go:31 +0x1f4',
    ])!
    expect(parsed).toMatchObject({type: 'panic', message: 'assignment to entry in nil map'})
    expect(parsed.frames).toEqual([{file: '/src/internal/cart/merge.go', line: 31, function: 'github.com/acme/cart/internal/cart.(*Cart).Merge'}])
  })

  it('reads .NET, Ruby, PHP and Rust frames', () => {
    const dotnet = parseException('System.NullReferenceException: Object reference not set to an instance of an object.', [
      '   at Shop.Orders.OrderService.PlaceAsync(Order order) in /src/Shop.Orders/OrderService.cs:line 42',
      '   at System.Threading.Tasks.Task.Execute()',
    ])!
    expect(dotnet.type).toBe('System.NullReferenceException')
    expect(dotnet.frames).toEqual([{file: '/src/Shop.Orders/OrderService.cs', line: 42, function: 'Shop.Orders.OrderService.PlaceAsync'}])

    const ruby = parseException("/app/app/models/order.rb:42:in 'total': undefined method 'amount' for nil (NoMethodError)", ["\tfrom /app/app/controllers/orders_controller.rb:12:in 'show'"])!
    expect(ruby.type).toBe('NoMethodError')
    expect(ruby.frames.map((f) => f.file)).toEqual(['/app/app/models/order.rb', '/app/app/controllers/orders_controller.rb'])

    const php = parseException('PHP Fatal error:  Uncaught TypeError: total(): Argument #1 must be of type array', ['Stack trace:', '#0 /var/www/html/src/Checkout.php(41): App\\Checkout->total()', '#1 {main}'])!
    expect(php.frames).toEqual([{file: '/var/www/html/src/Checkout.php', line: 41, function: 'App\\Checkout->total()'}])

    const rust = parseException("thread 'tokio-runtime-worker' panicked at src/orders/handler.rs:42:18:", [
      "called `Option::unwrap()` on a `None` value",
      'stack backtrace:',
      '   0: rust_begin_unwind',
      '             at /rustc/90b35a6239c3d8bdabc530a6a0816f7ff89a0aaf/library/std/src/panicking.rs:645:5',
      '  12: orders::handler::total',
      '             at ./src/orders/handler.rs:42:18',
    ])!
    expect(rust.message).toBe('called `Option::unwrap()` on a `None` value')
    expect(rust.frames.map((f) => `${f.file}:${f.line}`)).toEqual(['src/orders/handler.rs:42', './src/orders/handler.rs:42'])
  })

  it('keeps the innermost frame and the service’s own frames when a trace is long', () => {
    const parsed = parseException('org.postgresql.util.PSQLException: ERROR: deadlock detected', [
      ...Array.from({length: 6}, (_, i) => `\tat org.hibernate.Step${i}.run(Step${i}.java:${i + 1})`),
      '\tat com.acme.orders.OrderRepository.insert(OrderRepository.java:88)',
      '\tat com.acme.orders.OrderService.place(OrderService.java:41)',
    ])!
    expect(parsed.frames.map((f) => f.file)).toEqual(['Step0.java', 'Step1.java', 'Step2.java', 'OrderRepository.java', 'OrderService.java'])
  })

  it('continues an event with a Go [signal] line only inside a trace, and with PHP #N frames', () => {
    expect(continuesEvent('[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x6b2c1d]', true)).toBe(true)
    expect(continuesEvent('[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x6b2c1d]', false)).toBe(false)
    expect(continuesEvent('#0 /var/www/html/src/Checkout.php(41): App\\Checkout->total()', false)).toBe(true)
    expect(continuesEvent('[2026-03-02 10:15:03] production.ERROR: boom', false)).toBe(false)
  })
})

describe('repoRelativePath', () => {
  it.each([
    ['/build/internal/store/orders.go', '', 'internal/store/orders.go'],
    ['github.com/acme/orders/internal/store/orders.go', '', 'internal/store/orders.go'],
    ['/usr/src/app/src/payments/refund.ts', '', 'src/payments/refund.ts'],
    ['/workspace/app/handlers.py', '', 'app/handlers.py'],
    ['/usr/local/lib/python3.12/site-packages/shop/orders.py', '', 'shop/orders.py'],
    ['OrderService.java', 'com.acme.orders.OrderService.place', 'com/acme/orders/OrderService.java'],
    ['webpack:///./src/cart.ts', '', 'src/cart.ts'],
    ['C:\\app\\src\\Cart.cs', '', 'src/Cart.cs'],
  ])('%s → %s', (file, fn, expected) => {
    expect(repoRelativePath({file, function: fn})).toBe(expected)
  })
})

describe('frameFunctionName', () => {
  it.each([
    ['github.com/acme/orders/internal/store.(*OrderStore).Total', 'Total'],
    ['com.acme.orders.OrderService.place', 'place'],
    ['Shop.Orders.OrderService.<PlaceAsync>d__4.MoveNext', 'PlaceAsync'],
    ['block in total', 'total'],
    ['App\\Checkout->total()', 'total'],
    ['orders::handler::total', 'total'],
    ['OrderService.place', 'place'],
    ['main.main.func1', 'main'],
  ])('%s → %s', (name, expected) => {
    expect(frameFunctionName(name)).toBe(expected)
  })
})
