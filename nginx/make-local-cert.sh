#!/usr/bin/env bash
# Makes a local certificate authority and a certificate for localhost (ECDSA P-256, 90 days), for running nginx
# with TLS on a development machine. Usage: nginx/make-local-cert.sh [output folder, default data/certs]
# Trust data/certs/ca.pem in a browser or pass it to clients (curl --cacert) to avoid the warning.
set -euo pipefail
out="${1:-$(dirname "$0")/../data/certs}"
mkdir -p "$out"
cd "$out"
umask 077

if [ ! -f ca.key ]; then
  openssl ecparam -name prime256v1 -genkey -noout -out ca.key
  openssl req -x509 -new -key ca.key -sha256 -days 365 -subj "/CN=Tripwise local development CA" -out ca.pem
fi

openssl ecparam -name prime256v1 -genkey -noout -out localhost.key
openssl req -new -key localhost.key -subj "/CN=localhost" -out localhost.csr
cat > localhost.ext <<'EXT'
basicConstraints = CA:FALSE
keyUsage = digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1, IP:::1
EXT
openssl x509 -req -in localhost.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 90 -sha256 \
  -extfile localhost.ext -out localhost.crt
cat localhost.crt ca.pem > fullchain.pem
rm -f localhost.csr localhost.ext
echo "certificate: $out/fullchain.pem  key: $out/localhost.key  CA: $out/ca.pem"
