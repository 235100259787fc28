import {rng, every, at, writeEvents, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, docs} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(181021)
const cut = '2018-10-21T22:52:03Z'
const net = [
  ...every(r, '2018-10-21T22:20:00Z', '2018-10-21T23:30:00Z', 90000, (d) => `${fmt.syslog(d)} iad-hub-rtr1 bgpd[2211]: BGP: %BGP-6-KEEPALIVE neighbor 10.40.0.2 ok`),
  at('2018-10-21T22:50:40Z', `${fmt.syslog(new Date('2018-10-21T22:50:40Z'))} iad-hub-rtr1 maint[881]: change CHG-48213 started: replace failing 100G optic on HundredGigE0/0/0/4`),
  at(cut, `${fmt.syslog(new Date(cut))} iad-hub-rtr1 kernel: %LINK-3-UPDOWN: Interface HundredGigE0/0/0/4, changed state to down`),
  at('2018-10-21T22:52:04Z', `${fmt.syslog(new Date('2018-10-21T22:52:04Z'))} iad-hub-rtr1 bgpd[2211]: %BGP-5-ADJCHANGE: neighbor 10.40.0.2 Down BGP Notification sent: hold time expired`),
  at('2018-10-21T22:52:46Z', `${fmt.syslog(new Date('2018-10-21T22:52:46Z'))} iad-hub-rtr1 kernel: %LINK-3-UPDOWN: Interface HundredGigE0/0/0/4, changed state to up`),
  at('2018-10-21T22:52:49Z', `${fmt.syslog(new Date('2018-10-21T22:52:49Z'))} iad-hub-rtr1 bgpd[2211]: %BGP-5-ADJCHANGE: neighbor 10.40.0.2 Up`),
]
writeEvents(out(dir, 'logs/network.log'), net)
const orch = [
  ...every(r, '2018-10-21T22:20:00Z', '2018-10-21T23:30:00Z', 30000, (d) => `${fmt.plain(d)} INFO auditType:discover-instance instance:mysql1-db-east-3:3306 cluster:mysql1 ok`),
  at('2018-10-21T22:52:26Z', `${fmt.plain(new Date('2018-10-21T22:52:26Z'))} ERROR ReadTopologyInstance(mysql1-primary-east:3306) dial tcp 10.40.8.11:3306: i/o timeout`),
  at('2018-10-21T22:52:28Z', `${fmt.plain(new Date('2018-10-21T22:52:28Z'))} WARNING executeCheckAndRecoverFunction: proceeding with DeadMaster detection on mysql1-primary-east:3306; problem found`),
  at('2018-10-21T22:52:31Z', `${fmt.plain(new Date('2018-10-21T22:52:31Z'))} INFO topology_recovery: RecoverDeadMaster: promoted mysql1-db-west-1:3306 as new master of cluster mysql1`),
  at('2018-10-21T22:54:10Z', `${fmt.plain(new Date('2018-10-21T22:54:10Z'))} ERROR topology_recovery: unable to relocate replicas of mysql1-primary-east:3306: Errant GTID found on mysql1-primary-east:3306`),
]
writeEvents(out(dir, 'logs/orchestrator.log'), orch)
const app = every(r, '2018-10-21T22:20:00Z', '2018-10-21T23:30:00Z', 700, (d) => {
  const m = minutesSince(d, cut)
  if (m >= 0 && m < 0.8 && r.chance(0.7)) return `${fmt.iso(d)} ERROR [unicorn.${r.int(10, 60)}] Mysql2::Error::ConnectionError: Can't connect to MySQL server on 'mysql1-primary-east' (110 "Connection timed out")`
  if (m >= 0.8 && r.chance(0.35)) return `${fmt.iso(d)} WARN [unicorn.${r.int(10, 60)}] slow write to mysql1 (cross-region primary mysql1-db-west-1) took ${r.int(60, 120)}ms`
  if (m >= 0.8 && r.chance(0.08)) return `${fmt.iso(d)} ERROR [unicorn.${r.int(10, 60)}] Mysql2::Error: Lost connection to MySQL server during query`
  return `${fmt.iso(d)} INFO [unicorn.${r.int(10, 60)}] Completed 200 OK in ${r.int(20, 90)}ms (Views: ${r.int(5, 30)}ms | ActiveRecord: ${r.int(2, 20)}ms)`
})
writeEvents(out(dir, 'logs/app.log'), app)
buildRepo(out(dir, 'repo'), [
  {subject: 'Initial import of the web app skeleton', author: people.ana, at: '2018-10-15T10:00:00Z', files: {'Gemfile': "source 'https://rubygems.org'\ngem 'rails', '5.2.1'\ngem 'mysql2', '0.5.2'\n", 'app/models/issue.rb': 'class Issue < ApplicationRecord\n  belongs_to :repository\nend\n', 'app/serializers/issue_serializer.rb': 'class IssueSerializer\n  def initialize(issue)\n    @issue = issue\n  end\n\n  def as_json\n    {id: @issue.id, title: @issue.title}\n  end\nend\n', 'config/database.yml': 'production:\n  adapter: mysql2\n  host: mysql1-primary-east\n  pool: 25\n'}},
  {subject: 'docs: runbook for MySQL failover drills', author: people.ben, at: '2018-10-21T14:20:00Z', files: {'docs/runbooks/mysql-failover.md': docs('MySQL failover drill')}},
  {subject: 'Refactor IssueSerializer to use a presenter', author: people.chen, at: '2018-10-21T17:40:00Z', files: {'app/serializers/issue_serializer.rb': 'class IssueSerializer\n  def initialize(issue, presenter: IssuePresenter)\n    @presenter = presenter.new(issue)\n  end\n\n  def as_json\n    @presenter.to_h\n  end\nend\n', 'app/presenters/issue_presenter.rb': 'class IssuePresenter\n  def initialize(issue)\n    @issue = issue\n  end\n\n  def to_h\n    {id: @issue.id, title: @issue.title}\n  end\nend\n'}},
  {subject: 'Raise fragment cache TTL for repository sidebar', author: people.dana, at: '2018-10-21T23:20:00Z', files: {'config/initializers/cache.rb': 'Rails.application.config.sidebar_cache_ttl = 10.minutes\n'}},
])
