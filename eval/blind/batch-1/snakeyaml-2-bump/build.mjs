import {rng, every, writeEvents, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, javaService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20230302)
const rollout = '2023-03-02T10:04:00Z'
const logs = every(r, '2023-03-02T09:20:00Z', '2023-03-02T10:40:00Z', 2500, (d) => {
  if (minutesSince(d, rollout) >= 0 && r.chance(0.25)) return [
    `${fmt.javaSpace(d)} ERROR 1 --- [           main] o.s.boot.SpringApplication               : Application run failed`,
    '',
    "java.lang.NoSuchMethodError: org.yaml.snakeyaml.representer.Representer: method 'void <init>()' not found",
    '\tat org.springframework.boot.env.OriginTrackedYamlLoader.createYaml(OriginTrackedYamlLoader.java:76)',
    '\tat org.springframework.boot.env.OriginTrackedYamlLoader.createYaml(OriginTrackedYamlLoader.java:71)',
    '\tat org.springframework.beans.factory.config.YamlProcessor.process(YamlProcessor.java:164)',
    '\tat org.springframework.boot.env.OriginTrackedYamlLoader.load(OriginTrackedYamlLoader.java:84)',
    '\tat org.springframework.boot.env.YamlPropertySourceLoader.load(YamlPropertySourceLoader.java:50)',
    '\tat org.springframework.boot.context.config.StandardConfigDataLoader.load(StandardConfigDataLoader.java:54)',
    '\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:306)',
    '\tat com.example.inventory.Application.main(Application.java:10)',
  ]
  if (minutesSince(d, rollout) >= 0 && r.chance(0.3)) return `${fmt.javaSpace(d)}  WARN 1 --- [nio-8080-exec-${r.int(1, 9)}] c.e.inventory.StockController            : request queue depth ${r.int(200, 900)} (2 of 6 pods ready)`
  return `${fmt.javaSpace(d)}  INFO 1 --- [nio-8080-exec-${r.int(1, 9)}] c.e.inventory.StockController            : GET /stock/${r.int(1000, 9999)} 200 in ${r.int(5, 40)}ms`
})
writeEvents(out(dir, 'logs/app.log'), logs)
const base = javaService('com.example.inventory', 'inventory')
const pom = (v) => base['pom.xml'].replace('</dependencies>', `    <dependency>\n      <groupId>org.yaml</groupId>\n      <artifactId>snakeyaml</artifactId>\n      <version>${v}</version>\n    </dependency>\n  </dependencies>`)
buildRepo(out(dir, 'repo'), [
  {subject: 'inventory: stock endpoints', author: people.ana, at: '2022-11-01T10:00:00Z', files: {...base, 'pom.xml': pom('1.33'), 'src/main/java/com/example/inventory/StockController.java': 'package com.example.inventory;\n\npublic class StockController {\n    public Stock get(long sku) { return repo.find(sku); }\n}\n'}},
  {subject: 'docs: stock reservation states', author: people.ben, at: '2023-03-02T08:40:00Z', files: {'docs/reservations.md': '# Reservation states\n\nheld -> committed | released\n'}},
  {subject: 'Stock alerts: notify buyers below reorder point', author: people.fay, at: '2023-03-02T09:10:00Z', files: {'src/main/java/com/example/inventory/StockAlerts.java': 'package com.example.inventory;\n\npublic class StockAlerts {\n    boolean belowReorder(Stock s) { return s.onHand() < s.reorderPoint(); }\n}\n'}},
  {subject: 'Bump snakeyaml from 1.33 to 2.0', author: people.bot, at: '2023-03-02T09:48:00Z', body: 'Bumps org.yaml:snakeyaml from 1.33 to 2.0 (CVE-2022-1471).', files: {'pom.xml': pom('2.0')}},
])
