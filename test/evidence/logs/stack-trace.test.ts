import {describe, expect, it} from 'vitest'

import {isTraceContinuation, parseException} from '../../../src/evidence/logs/stack-trace.js'

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
})
