import net from 'node:net';

/*
 * Network addresses for outbound requests: one spelling per address for comparisons, and
 * the ranges that are not the public internet (refused unless allowed by name).
 */

/** One spelling per address (::1 = 0:0::1; ::ffff:127.0.0.1 = 127.0.0.1), for comparisons. */
export function addressKey(address: string): string {
  const bytes = addressBytes(address);
  if (!bytes) return address;
  const embedded = bytes.length === 16 && hasPrefix(bytes, MAPPED) ? bytes.subarray(12) : bytes;
  return Array.from(embedded).join('.');
}

interface Range {
  bytes: number[];
  bits: number;
}

const range = (text: string): Range => {
  const [address = '', bits = ''] = text.split('/');
  return { bytes: Array.from(addressBytes(address) ?? []), bits: Number(bits) };
};

/** IPv4 ranges that are not the public internet (RFC 6890 special-purpose registry). */
const REFUSED_IPV4 = [
  '0.0.0.0/8', // "this network"; 0.0.0.0 reaches the local host on Linux
  '10.0.0.0/8', // private
  '100.64.0.0/10', // carrier-grade NAT
  '127.0.0.0/8', // loopback
  '169.254.0.0/16', // link-local, where cloud metadata services live
  '172.16.0.0/12', // private
  '192.0.0.0/24', // IETF protocol assignments
  '192.0.2.0/24', // documentation
  '192.88.99.0/24', // 6to4 relay anycast
  '192.168.0.0/16', // private
  '198.18.0.0/15', // benchmarking
  '198.51.100.0/24', // documentation
  '203.0.113.0/24', // documentation
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, and 255.255.255.255 broadcast
].map(range);

const MAPPED = range('::ffff:0:0/96');
const NAT64 = range('64:ff9b::/96');
const SIX_TO_FOUR = range('2002::/16');
const GLOBAL_UNICAST = range('2000::/3');

/** Inside 2000::/3 (the only IPv6 space handed out for the internet), still not public. */
const REFUSED_IPV6 = [
  '2001::/32', // Teredo: tunnels to an IPv4 address hidden in the bits
  '2001:db8::/32', // documentation
].map(range);

/**
 * Whether `address` (IPv4 or IPv6 text) is somewhere a fetch must not go: private, loopback,
 * link-local, unspecified, unique-local, multicast, broadcast, reserved, or an IPv6 form
 * that carries such an IPv4 address (mapped ::ffff:a.b.c.d, NAT64, 6to4). Unparseable
 * text is refused too.
 */
export function isRefusedAddress(address: string): boolean {
  const bytes = addressBytes(address);
  if (!bytes) return true;
  if (bytes.length === 4) return REFUSED_IPV4.some((refused) => hasPrefix(bytes, refused));
  if (hasPrefix(bytes, MAPPED) || hasPrefix(bytes, NAT64)) {
    return isRefusedAddress(Array.from(bytes.subarray(12)).join('.'));
  }
  if (hasPrefix(bytes, SIX_TO_FOUR))
    return isRefusedAddress(Array.from(bytes.subarray(2, 6)).join('.'));
  // Everything outside 2000::/3 is loopback, unspecified, IPv4-compatible, discard-only,
  // unique-local (fc00::/7), link-local (fe80::/10), multicast (ff00::/8) or unassigned.
  if (!hasPrefix(bytes, GLOBAL_UNICAST)) return true;
  return REFUSED_IPV6.some((refused) => hasPrefix(bytes, refused));
}

function hasPrefix(bytes: Uint8Array, { bytes: prefix, bits }: Range): boolean {
  if (bytes.length !== prefix.length) return false;
  for (let bit = 0; bit < bits; bit += 8) {
    const mask = bits - bit >= 8 ? 0xff : (0xff << (8 - (bits - bit))) & 0xff;
    const index = bit / 8;
    if (((bytes[index] ?? 0) & mask) !== ((prefix[index] ?? 0) & mask)) return false;
  }
  return true;
}

/** 4 bytes for IPv4, 16 for IPv6 (a zone such as %eth0 is dropped), undefined otherwise. */
function addressBytes(address: string): Uint8Array | undefined {
  const text = address.split('%')[0] ?? '';
  const family = net.isIP(text);
  if (family === 4) return Uint8Array.from(text.split('.').map(Number));
  if (family === 6) return ipv6Bytes(text);
  return undefined;
}

/** Expands IPv6 text (already validated by net.isIP) to its 16 bytes. */
function ipv6Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(16);
  let hex = text;
  // A trailing dotted quad (::ffff:127.0.0.1) stands for the last two groups.
  const quad = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    bytes.set(quad[2]?.split('.').map(Number) ?? [], 12);
    hex = `${quad[1]}0:0`;
  }
  const [left = '', right] = hex.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const head = groups(left);
  const tail = right === undefined ? [] : groups(right);
  const all = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  all.forEach((group, i) => {
    if (quad && i >= 6) return;
    bytes[i * 2] = group >> 8;
    bytes[i * 2 + 1] = group & 0xff;
  });
  return bytes;
}
