import {rng, every, writeEvents, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, pythonService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20240118)
const deploy = '2024-01-18T10:52:00Z'
const logs = every(r, '2024-01-18T10:00:00Z', '2024-01-18T11:40:00Z', 1500, (d) => {
  const id = r.int(200000, 299999)
  if (minutesSince(d, deploy) >= 0 && r.chance(0.18)) return [
    `${fmt.python(d)} ERROR django.request Internal Server Error: /api/orders/${id}/`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.11/site-packages/django/core/handlers/exception.py", line 55, in inner',
    '    response = get_response(request)',
    '  File "/usr/local/lib/python3.11/site-packages/rest_framework/views.py", line 506, in dispatch',
    '    response = handler(request, *args, **kwargs)',
    '  File "/app/orders/views.py", line 31, in retrieve',
    '    return Response(OrderSerializer(order).data)',
    '  File "/usr/local/lib/python3.11/site-packages/rest_framework/serializers.py", line 555, in data',
    '    ret = super().data',
    '  File "/app/orders/serializers.py", line 57, in to_representation',
    '    data["currency"] = instance.payment_payload["currency"]',
    "KeyError: 'currency'",
  ]
  return `${fmt.python(d)} INFO gunicorn.access 10.1.${r.int(0, 9)}.${r.int(2, 250)} "GET /api/orders/${id}/ HTTP/1.1" 200 ${r.int(600, 2400)}`
})
writeEvents(out(dir, 'logs/api.log'), logs)
const base = pythonService('orders')
const ser = (extra) => `from rest_framework import serializers\n\nfrom .models import Order\n\n\nclass OrderSerializer(serializers.ModelSerializer):\n    class Meta:\n        model = Order\n        fields = ["id", "status", "total_minor"]\n\n    def to_representation(self, instance):\n        data = super().to_representation(instance)\n${extra}        return data\n`
buildRepo(out(dir, 'repo'), [
  {subject: 'orders: REST API for orders', author: people.eli, at: '2023-10-02T10:00:00Z', files: {...base, 'orders/serializers.py': ser(''), 'orders/models.py': 'from django.db import models\n\n\nclass Order(models.Model):\n    status = models.CharField(max_length=20)\n    total_minor = models.BigIntegerField()\n    payment_payload = models.JSONField(default=dict)\n    created_at = models.DateTimeField(auto_now_add=True)\n'}},
  {subject: 'Bump requests from 2.31.0 to 2.32.0', author: people.bot, at: '2024-01-17T06:00:00Z', files: {'requirements.txt': base['requirements.txt'].replace('requests==2.31.0', 'requests==2.32.0')}},
  {subject: 'orders: add index on created_at', author: people.chen, at: '2024-01-18T09:10:00Z', files: {'orders/migrations/0007_order_created_at_idx.py': 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("orders", "0006_auto")]\n    operations = [migrations.AddIndex(model_name="order", index=models.Index(fields=["created_at"], name="order_created_idx"))]\n'}},
  {subject: 'orders: expose payment currency in the order serializer', author: people.fay, at: '2024-01-18T10:31:00Z', files: {'orders/serializers.py': ser('        data["currency"] = instance.payment_payload["currency"]\n')}},
])
