import {rng, every, writeEvents, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, javaService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20231121)
const deploy = '2023-11-21T14:21:30Z'
const logs = every(r, '2023-11-21T13:30:00Z', '2023-11-21T15:10:00Z', 4000, (d) => {
  const th = `http-nio-8443-exec-${r.int(1, 40)}`
  if (minutesSince(d, deploy) >= 0 && r.chance(0.25)) return [
    `${fmt.tomcat(d)} SEVERE [${th}] org.apache.catalina.core.StandardWrapperValve.invoke Servlet.service() for servlet [dispatcher] in context with path [/billing] threw exception`,
    'java.lang.NullPointerException: Cannot invoke "com.example.billing.TaxRegion.label()" because the return value of "com.example.billing.Customer.getTaxRegion()" is null',
    '\tat com.example.billing.invoice.InvoiceRenderer.header(InvoiceRenderer.java:88)',
    '\tat com.example.billing.invoice.InvoiceRenderer.render(InvoiceRenderer.java:41)',
    '\tat com.example.billing.web.InvoiceController.show(InvoiceController.java:57)',
    '\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)',
    '\tat org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod.invokeAndHandle(ServletInvocableHandlerMethod.java:117)',
    '\tat org.apache.catalina.core.StandardWrapperValve.invoke(StandardWrapperValve.java:166)',
  ]
  if (r.chance(0.02)) return `${fmt.tomcat(d)} WARNING [${th}] org.apache.tomcat.util.http.parser.Cookie.logInvalidHeader A cookie header was received [${r.hex(6)}] that contained an invalid cookie. That cookie will be ignored.`
  return `${fmt.tomcat(d)} INFO [${th}] com.example.billing.web.InvoiceController.show invoice ${r.int(100000, 999999)} rendered in ${r.int(40, 300)} ms`
})
logs.unshift({t: Date.parse(deploy) - 1000, text: `${fmt.tomcat(new Date(Date.parse(deploy) - 1000))} INFO [main] org.apache.catalina.startup.HostConfig.deployWAR Deploying web application archive [/opt/tomcat/webapps/billing.war]`})
writeEvents(out(dir, 'logs/catalina.out'), logs)
const base = javaService('com.example.billing', 'billing-web')
const p = 'src/main/java/com/example/billing'
const renderer = (header) => `package com.example.billing.invoice;\n\nimport com.example.billing.Customer;\nimport com.example.billing.Invoice;\n\npublic class InvoiceRenderer {\n    public Pdf render(Invoice inv) {\n        Pdf pdf = new Pdf();\n        header(pdf, inv.getCustomer());\n        lines(pdf, inv);\n        return pdf;\n    }\n\n    void header(Pdf pdf, Customer c) {\n${header}    }\n\n    void lines(Pdf pdf, Invoice inv) { inv.getLines().forEach(pdf::row); }\n}\n`
buildRepo(out(dir, 'repo'), [
  {subject: 'billing-web: invoice PDF rendering', author: people.ana, at: '2023-06-01T10:00:00Z', files: {...base, [`${p}/invoice/InvoiceRenderer.java`]: renderer('        pdf.title(c.getName());\n'), [`${p}/Customer.java`]: 'package com.example.billing;\n\npublic class Customer {\n    private String name;\n    private TaxRegion taxRegion; // null for accounts created before regions\n    public String getName() { return name; }\n    public TaxRegion getTaxRegion() { return taxRegion; }\n}\n', 'src/main/resources/static/invoice.css': '.invoice { font-family: serif; }\n'}},
  {subject: 'Bump junit-jupiter from 5.10.0 to 5.10.1', author: people.bot, at: '2023-11-21T06:02:00Z', files: {'pom.xml': base['pom.xml'].replace('</dependencies>', '    <dependency>\n      <groupId>org.junit.jupiter</groupId>\n      <artifactId>junit-jupiter</artifactId>\n      <version>5.10.1</version>\n      <scope>test</scope>\n    </dependency>\n  </dependencies>')}},
  {subject: 'Invoice: show tax region label on the PDF header', author: people.chen, at: '2023-11-21T13:55:00Z', files: {[`${p}/invoice/InvoiceRenderer.java`]: renderer('        pdf.title(c.getName());\n        pdf.subtitle("Tax region: " + c.getTaxRegion().label());\n')}},
  {subject: 'Invoice stylesheet: tighter table spacing', author: people.fay, at: '2023-11-21T14:05:00Z', files: {'src/main/resources/static/invoice.css': '.invoice { font-family: serif; }\n.invoice td { padding: 2px 4px; }\n'}},
])
