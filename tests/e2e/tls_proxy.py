"""An HTTPS reverse proxy for the browser tests, doing what the README's nginx does: it ends
TLS (a self-signed certificate made on the spot), adds X-Forwarded-Proto and
X-Real-IP, and passes each request to the app over plain HTTP."""

from __future__ import annotations

import datetime as dt
import socket
import ssl
import threading
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def _certificate(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = folder / "proxy.crt", folder / "proxy.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file


class TlsProxy:
    """`https://localhost:<port>` → `http://<upstream>` with the forwarding headers."""

    def __init__(self, upstream: tuple[str, int], folder: Path) -> None:
        self.upstream = upstream
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*_certificate(folder))
        self.listener = context.wrap_socket(socket.create_server(("127.0.0.1", 0)), server_side=True)
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                client, address = self.listener.accept()
            except ssl.SSLError:
                continue
            except OSError:
                return
            threading.Thread(target=self._forward, args=(client, address[0]), daemon=True).start()

    def _forward(self, client: socket.socket, address: str) -> None:
        try:
            self._relay(client, address)
        except OSError:  # the browser went away (closed the tab, cancelled a request)
            pass

    def _relay(self, client: socket.socket, address: str) -> None:
        with client, socket.create_connection(self.upstream) as upstream:
            head, _, rest = self._read_head(client)
            lines = [line for line in head.split(b"\r\n") if not line.lower().startswith(b"connection:")]
            lines[1:1] = [b"X-Forwarded-Proto: https", b"X-Real-IP: " + address.encode(), b"Connection: close"]
            length = next((int(line.split(b":")[1]) for line in lines if line.lower().startswith(b"content-length:")), 0)
            while len(rest) < length:
                rest += client.recv(65536)
            upstream.sendall(b"\r\n".join(lines) + b"\r\n\r\n" + rest)
            while chunk := upstream.recv(65536):
                client.sendall(chunk)

    @staticmethod
    def _read_head(client: socket.socket) -> tuple[bytes, bytes, bytes]:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = client.recv(65536)
            if not chunk:
                break
            data += chunk
        return data.partition(b"\r\n\r\n")

    def close(self) -> None:
        self.listener.close()
