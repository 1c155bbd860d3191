"""The baseline for the notices benchmark: Python's smtplib sending COUNT messages like the portal's confirmation
notice (UTF-8 Japanese subject and body, a link) over one connection to the SMTP server on 127.0.0.1:PORT.
Usage: smtplib_baseline.py PORT COUNT"""
import secrets
import smtplib
import sys
import time
import uuid
from email.message import EmailMessage

port, count = int(sys.argv[1]), int(sys.argv[2])
body = ("Net One Systems Co., Ltd.への個人情報に関する請求を受け付けるため、メールアドレスを確認してください。\n\n"
        "次のリンクを開き、「確認して請求を送る」を押すと、請求が会社に送られます。\n"
        "http://localhost:5080/confirm/{token}\n\nこのリンクは24時間有効で、1回だけ使えます。\n"
        "お心当たりのない場合は、このメールを破棄してください。請求は送られません。\n")
messages = []
for i in range(count):
    message = EmailMessage()
    message["From"] = "PrivacyPortal <no-reply@privacyportal.test>"
    message["To"] = f"person{i}@example.jp"
    message["Subject"] = "【プライバシーポータル】メールアドレスの確認（Net One Systems Co., Ltd.への請求）"
    message["Message-ID"] = f"<{uuid.uuid4().hex}@privacyportal>"
    message["Content-Language"] = "ja"
    message.set_content(body.format(token=secrets.token_urlsafe(32)))
    messages.append(message)

start = time.perf_counter()
with smtplib.SMTP("127.0.0.1", port) as client:
    for message in messages:
        client.send_message(message)
elapsed = time.perf_counter() - start
print(f"python smtplib: {count} messages in {elapsed:.3f} s = {count / elapsed:.0f} messages/s")
