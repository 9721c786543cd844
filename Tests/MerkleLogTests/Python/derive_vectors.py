#!/usr/bin/env python3
"""Independent derivation of the MerkleLog test vectors.

Written from the specifications (RFC 9162 section 2.1, c2sp.org/signed-note, c2sp.org/tlog-checkpoint
and docs/audit-bundle.md) without looking at the Swift code, using only hashlib and the
`cryptography` package. The Swift tests embed the values this prints; rerun it to re-derive them:

    python3 Tests/MerkleLogTests/Python/derive_vectors.py
"""
import base64
import hashlib
import struct

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives import serialization


def sha256(b: bytes) -> bytes:
    return hashlib.sha256(b).digest()


# ---- RFC 9162 2.1.1 / 2.1.3.1 / 2.1.4.1, literally recursive ----

def leaf_hash(d: bytes) -> bytes:
    return sha256(b"\x00" + d)


def k_of(n: int) -> int:
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def mth(leaves):
    n = len(leaves)
    if n == 0:
        return sha256(b"")
    if n == 1:
        return leaf_hash(leaves[0])
    k = k_of(n)
    return sha256(b"\x01" + mth(leaves[:k]) + mth(leaves[k:]))


def path(m, leaves):
    n = len(leaves)
    if n == 1:
        return []
    k = k_of(n)
    if m < k:
        return path(m, leaves[:k]) + [mth(leaves[k:])]
    return path(m - k, leaves[k:]) + [mth(leaves[:k])]


def subproof(m, leaves, b):
    n = len(leaves)
    if m == n:
        return [] if b else [mth(leaves)]
    k = k_of(n)
    if m <= k:
        return subproof(m, leaves[:k], b) + [mth(leaves[k:])]
    return subproof(m - k, leaves[k:], False) + [mth(leaves[:k])]


def proof(m, leaves):
    return subproof(m, leaves, True)


def frame(a: int, b: int, hashes) -> bytes:
    return struct.pack(">QQI", a, b, len(hashes)) + b"".join(hashes)


def tree_vectors():
    ct_leaves = [bytes.fromhex(h) for h in
                 ["", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                  "606162636465666768696a6b6c6d6e6f"]]
    print("# RFC 6962 reference leaves: roots for sizes 0...8")
    for n in range(0, 9):
        print(n, mth(ct_leaves[:n]).hex())
    print("# inclusion PATH(0, 8):", [h.hex() for h in path(0, ct_leaves)])
    print("# inclusion PATH(5, 8):", [h.hex() for h in path(5, ct_leaves)])
    print("# inclusion PATH(2, 3):", [h.hex() for h in path(2, ct_leaves[:3])])
    print("# consistency PROOF(3, 7):", [h.hex() for h in proof(3, ct_leaves[:7])])
    print("# consistency PROOF(4, 8):", [h.hex() for h in proof(4, ct_leaves)])
    print("# consistency PROOF(6, 8):", [h.hex() for h in proof(6, ct_leaves)])

    leaves = [("leaf-%d" % i).encode() for i in range(64)]
    roots = hashlib.sha256()
    incl = hashlib.sha256()
    cons = hashlib.sha256()
    for n in range(0, 65):
        roots.update(struct.pack(">Q", n) + mth(leaves[:n]))
        for m in range(0, n):
            incl.update(frame(m, n, path(m, leaves[:n])))
        for m in range(1, n):
            cons.update(frame(m, n, proof(m, leaves[:n])))
    print("# leaves 'leaf-<i>', sizes 0...64: digest of all roots / inclusion proofs / consistency proofs")
    print("roots      ", roots.hexdigest())
    print("inclusion  ", incl.hexdigest())
    print("consistency", cons.hexdigest())


# ---- C2SP signed note + checkpoint ----

def key_material(name: str, seed: bytes):
    sk = Ed25519PrivateKey.from_private_bytes(seed)
    pub = sk.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    key_id = sha256(name.encode() + b"\x0a" + b"\x01" + pub)[:4]
    vkey = "%s+%s+%s" % (name, key_id.hex(), base64.b64encode(b"\x01" + pub).decode())
    skey = "PRIVATE+KEY+%s+%s+%s" % (name, key_id.hex(), base64.b64encode(b"\x01" + seed).decode())
    return sk, key_id, vkey, skey


def sign_note(text: str, name: str, sk, key_id: bytes) -> str:
    sig = sk.sign(text.encode())
    return text + "\n" + "\u2014 " + name + " " + base64.b64encode(key_id + sig).decode() + "\n"


def note_vectors():
    name = "audit.herald.example/log"
    seed = bytes(range(32))
    sk, key_id, vkey, skey = key_material(name, seed)
    print("# note key for seed 00 01 .. 1f, name", name)
    print("vkey", vkey)
    print("skey", skey)
    ct_leaves = [bytes.fromhex(h) for h in
                 ["", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                  "606162636465666768696a6b6c6d6e6f"]]
    body = "%s\n%d\n%s\ntime 1700000000\n" % (name, 8, base64.b64encode(mth(ct_leaves)).decode())
    print("# signed checkpoint")
    print(repr(sign_note(body, name, sk, key_id)))
    return name, seed, sk


# ---- Herald audit entry envelope (docs/audit-bundle.md) ----

def entry_vectors(name, sk):
    origin = name
    public = b'{"action":"route.update","operator":"alice"}'
    salt = bytes(range(32, 64))
    value = b"+447700900123"
    commitment = sha256(salt + value)
    fields = [("msisdn", commitment)]
    payload = b"herald.audit.payload.v1\x00" + struct.pack(">I", len(public)) + public + struct.pack(">I", len(fields))
    for fname, c in fields:
        payload += struct.pack(">H", len(fname.encode())) + fname.encode() + c
    payload_digest = sha256(payload)
    index = 0
    prev = bytes(32)
    message = (b"herald.audit.entry.v1\x00" + struct.pack(">H", len(origin.encode())) + origin.encode()
               + struct.pack(">Q", index) + payload_digest)
    sig = sk.sign(message)
    leaf_input = b"\x01" + struct.pack(">Q", index) + prev + payload_digest + sig
    lh = leaf_hash(leaf_input)
    print("# entry 0 of", origin)
    print("commitment    ", commitment.hex())
    print("payloadDigest ", payload_digest.hex())
    print("signature     ", base64.b64encode(sig).decode())
    print("leafHash      ", lh.hex())
    # a second entry chained to the first
    public2 = b'{"action":"operator.login","operator":"bob"}'
    payload2 = b"herald.audit.payload.v1\x00" + struct.pack(">I", len(public2)) + public2 + struct.pack(">I", 0)
    d2 = sha256(payload2)
    m2 = (b"herald.audit.entry.v1\x00" + struct.pack(">H", len(origin.encode())) + origin.encode()
          + struct.pack(">Q", 1) + d2)
    s2 = sk.sign(m2)
    l2 = leaf_hash(b"\x01" + struct.pack(">Q", 1) + lh + d2 + s2)
    print("# entry 1 (no sealed fields)")
    print("payloadDigest ", d2.hex())
    print("signature     ", base64.b64encode(s2).decode())
    print("leafHash      ", l2.hex())
    print("root(2)       ", sha256(b"\x01" + lh + l2).hex())


if __name__ == "__main__":
    tree_vectors()
    name, seed, sk = note_vectors()
    entry_vectors(name, sk)
