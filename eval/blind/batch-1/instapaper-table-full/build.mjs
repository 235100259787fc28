import {rng, every, writeEvents, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20170208)
const onset = '2017-02-08T20:30:00Z'
const logs = every(r, '2017-02-08T19:30:00Z', '2017-02-08T21:40:00Z', 1200, (d) => {
  const save = r.chance(0.4)
  if (save && minutesSince(d, onset) >= 0) return [
    `${fmt.python(d)} ERROR [bookmarks.api] save failed for user ${r.int(1, 5e6)}`,
    'Traceback (most recent call last):',
    '  File "/srv/bookmarks/api/save.py", line 44, in save_bookmark',
    '    session.commit()',
    '  File "/usr/lib/python2.7/site-packages/sqlalchemy/orm/session.py", line 801, in commit',
    '    self.transaction.commit()',
    '  File "/usr/lib/python2.7/site-packages/MySQLdb/connections.py", line 36, in defaulterrorhandler',
    '    raise errorclass, errorvalue',
    `OperationalError: (OperationalError) (1114, "The table 'bookmarks' is full") 'INSERT INTO bookmarks (user_id, url, title, created) VALUES (%s, %s, %s, %s)' (${r.int(1, 5e6)}, 'https://example.org/a/${r.hex(6)}', 'Article', '${fmt.plain(d)}')`,
  ]
  return save ? `${fmt.python(d)} INFO [bookmarks.api] saved bookmark ${r.int(1e9, 2e9)} for user ${r.int(1, 5e6)}` : `${fmt.python(d)} INFO [bookmarks.api] served list for user ${r.int(1, 5e6)} (${r.int(10, 60)} items)`
})
writeEvents(out(dir, 'logs/app.log'), logs)
const save = (extra) => `from bookmarks.db import session, Bookmark\n\n\ndef save_bookmark(user_id, url, title):\n    b = Bookmark(user_id=user_id, url=url, title=title)\n${extra}    session.add(b)\n    session.commit()\n    return b.id\n`
buildRepo(out(dir, 'repo'), [
  {subject: 'bookmarks api', author: people.ana, at: '2016-03-01T10:00:00Z', files: {'api/save.py': save(''), 'bookmarks/db.py': 'from sqlalchemy import create_engine\nengine = create_engine("mysql://app@bookmarks-db/instapaper")\n'}},
  {subject: 'Strip utm_* parameters before saving', author: people.chen, at: '2017-01-25T14:00:00Z', files: {'api/save.py': save('    b.url = strip_tracking(url)\n')}},
  {subject: 'iOS share extension: longer title field', author: people.fay, at: '2017-02-08T16:10:00Z', files: {'clients/ios/ShareViewController.swift': 'let maxTitle = 240\n'}},
  {subject: 'Serve read-only mode banner', author: people.eli, at: '2017-02-08T23:30:00Z', files: {'api/banner.py': 'READ_ONLY_MESSAGE = "Saving is temporarily unavailable."\n'}},
])
