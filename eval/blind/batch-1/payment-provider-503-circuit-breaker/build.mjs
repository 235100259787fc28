import {rng, every, writeEvents, writePromRange, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, javaService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20240917)
const onset = '2024-09-17T10:07:00Z'
const open = '2024-09-17T10:09:30Z'
const line = (d, level, logger, message, extra = {}) => JSON.stringify({'@timestamp': fmt.isoOffset(d, 60), '@version': '1', message, logger_name: logger, thread_name: `http-nio-8080-exec-${r.int(1, 200)}`, level, level_value: {INFO: 20000, WARN: 30000, ERROR: 40000}[level], app: 'checkout', ...extra})
const trace503 = 'org.springframework.web.client.HttpServerErrorException$ServiceUnavailable: 503 Service Unavailable: "{"error":"upstream_unavailable"}"\n\tat org.springframework.web.client.HttpServerErrorException.create(HttpServerErrorException.java:109)\n\tat org.springframework.web.client.DefaultResponseErrorHandler.handleError(DefaultResponseErrorHandler.java:186)\n\tat org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:825)\n\tat com.example.checkout.payment.PaymentProviderClient.authorize(PaymentProviderClient.java:64)\n\tat com.example.checkout.payment.PaymentService.charge(PaymentService.java:41)'
const traceTimeout = 'org.springframework.web.client.ResourceAccessException: I/O error on POST request for "https://api.payments-provider.example/v1/authorizations": Read timed out; nested exception is java.net.SocketTimeoutException: Read timed out\n\tat org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:791)\n\tat com.example.checkout.payment.PaymentProviderClient.authorize(PaymentProviderClient.java:64)\nCaused by: java.net.SocketTimeoutException: Read timed out\n\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)'
const logs = every(r, '2024-09-17T09:30:00Z', '2024-09-17T10:40:00Z', 900, (d) => {
  const m = minutesSince(d, onset), o = minutesSince(d, open)
  if (m < 0) return line(d, 'INFO', 'com.example.checkout.payment.PaymentService', `payment authorized order=${r.int(100000, 999999)} provider=payments-provider latency_ms=${r.int(120, 400)}`)
  if (o >= 0 && r.chance(0.8)) return line(d, 'WARN', 'com.example.checkout.payment.PaymentService', `payment rejected order=${r.int(100000, 999999)}: CircuitBreaker 'paymentProvider' is OPEN and does not permit further calls`)
  if (r.chance(0.5)) return line(d, 'ERROR', 'com.example.checkout.payment.PaymentProviderClient', 'POST https://api.payments-provider.example/v1/authorizations failed', {stack_trace: trace503})
  if (r.chance(0.6)) return line(d, 'ERROR', 'com.example.checkout.payment.PaymentProviderClient', 'POST https://api.payments-provider.example/v1/authorizations failed', {stack_trace: traceTimeout})
  return line(d, 'INFO', 'com.example.checkout.payment.PaymentService', `payment authorized order=${r.int(100000, 999999)} provider=payments-provider latency_ms=${r.int(2000, 9000)}`)
})
writeEvents(out(dir, 'logs/checkout.json'), logs)
writePromRange(out(dir, 'metrics/payment-client.json'), '2024-09-17T09:30:00Z', '2024-09-17T10:40:00Z', 30000, [
  {metric: {__name__: 'http_client_requests_seconds_count', client_name: 'api.payments-provider.example', status: '503', outcome: 'SERVER_ERROR'}, value: (d) => (minutesSince(d, onset) >= 0 ? 12 + r() * 5 : 0)},
  {metric: {__name__: 'http_client_requests_seconds_count', client_name: 'api.payments-provider.example', status: '200', outcome: 'SUCCESS'}, value: (d) => (minutesSince(d, onset) >= 0 ? r() * 2 : 20 + r() * 4)},
  {metric: {__name__: 'resilience4j_circuitbreaker_state', name: 'paymentProvider', state: 'open'}, value: (d) => (minutesSince(d, open) >= 0 ? 1 : 0)},
])
const base = javaService('com.example.checkout', 'checkout')
const p = 'src/main/java/com/example/checkout'
buildRepo(out(dir, 'repo'), [
  {subject: 'Checkout: payment provider client with circuit breaker', author: people.ana, at: '2024-05-02T10:00:00Z', files: {...base, [`${p}/payment/PaymentProviderClient.java`]: 'package com.example.checkout.payment;\n\nimport org.springframework.web.client.RestTemplate;\n\npublic class PaymentProviderClient {\n    private final RestTemplate rest;\n    PaymentProviderClient(RestTemplate rest) { this.rest = rest; }\n\n    public Authorization authorize(Charge charge) {\n        return rest.postForObject("https://api.payments-provider.example/v1/authorizations", charge, Authorization.class);\n    }\n}\n', [`${p}/payment/PaymentService.java`]: 'package com.example.checkout.payment;\n\nimport io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;\n\npublic class PaymentService {\n    @CircuitBreaker(name = "paymentProvider")\n    public Authorization charge(Charge c) { return client.authorize(c); }\n}\n', [`${p}/orders/OrderHistoryService.java`]: 'package com.example.checkout.orders;\n\npublic class OrderHistoryService {\n    public java.util.List<Order> recent(long userId) { return repo.findTop20ByUserId(userId); }\n}\n'}},
  {subject: 'Checkout page: show estimated delivery date', author: people.fay, at: '2024-09-16T15:10:00Z', files: {'src/main/resources/templates/checkout.html': '<div class="delivery">Estimated delivery: <span th:text="${eta}"></span></div>\n'}},
  {subject: 'Order history: page results with keyset pagination', author: people.chen, at: '2024-09-17T09:50:00Z', files: {[`${p}/orders/OrderHistoryService.java`]: 'package com.example.checkout.orders;\n\npublic class OrderHistoryService {\n    public java.util.List<Order> recent(long userId, long afterId) { return repo.findTop20ByUserIdAndIdGreaterThan(userId, afterId); }\n}\n'}},
])
