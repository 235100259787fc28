import {request as httpRequest} from 'node:http'
import {request as httpsRequest} from 'node:https'
import {Readable} from 'node:stream'

/**
 * A `fetch` over node:https with the cluster's own certificate authority and client certificate,
 * which the global fetch cannot be given: the live-source HTTP core (budget, errors, masking) runs
 * on it unchanged. Plain http (kubectl proxy, tests) goes over node:http.
 */
export function tlsFetch(tls: {ca: string | null; cert: string | null; key: string | null; insecure: boolean}): typeof globalThis.fetch {
  return (input, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : String(input))
      const headers = Object.fromEntries(new Headers(init.headers).entries())
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest
      const request = send(
        url,
        {
          method: init.method ?? 'GET',
          headers,
          signal: init.signal ?? undefined,
          ...(url.protocol === 'https:' ? {ca: tls.ca ?? undefined, cert: tls.cert ?? undefined, key: tls.key ?? undefined, rejectUnauthorized: !tls.insecure} : {}),
        },
        (response) => {
          const responseHeaders = new Headers()
          for (const [name, value] of Object.entries(response.headers)) {
            for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) responseHeaders.append(name, item)
          }
          const status = response.statusCode ?? 500
          const body = status === 204 || status === 304 ? null : (Readable.toWeb(response) as ReadableStream<Uint8Array>)
          resolve(new Response(body, {status, statusText: response.statusMessage, headers: responseHeaders}))
        },
      )
      // Shaped like fetch's own failure, so the HTTP core reads the OS reason (ECONNREFUSED …) from `cause`.
      request.on('error', (error) => reject(Object.assign(new TypeError('fetch failed'), {cause: error})))
      if (typeof init.body === 'string') request.write(init.body)
      request.end()
    })
}
