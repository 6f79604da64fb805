const OCTET = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;
const DIGIT = /\d/;

/** True for a dotted-quad IPv4 address with octets 0–255 and no leading zeros. */
export function isIpv4(value: string): boolean {
  const octets = value.split('.');
  return octets.length === 4 && octets.every((octet) => OCTET.test(octet));
}

/**
 * True for an IPv6 address in RFC 4291 text form (full, `::`-compressed, or ending in a dotted
 * quad). Forms without any decimal digit (`dead::beef`, `Add::add`) are refused: they are far
 * more often code (`Foo::Bar`) than addresses.
 */
export function isIpv6(value: string): boolean {
  if (!DIGIT.test(value)) return false;
  let groups = value;
  let embeddedGroups = 0;
  if (value.includes('.')) {
    const lastColon = value.lastIndexOf(':');
    if (!isIpv4(value.slice(lastColon + 1))) return false;
    groups = value.slice(0, lastColon + 1) + '0';
    embeddedGroups = 1;
  }
  const halves = groups.split('::');
  if (halves.length > 2) return false;
  const parts = halves.map((half) => (half === '' ? [] : half.split(':')));
  if (!parts.every((part) => part.every((group) => HEX_GROUP.test(group)))) return false;
  const count = parts.reduce((sum, part) => sum + part.length, 0) + embeddedGroups;
  return halves.length === 2 ? count <= 7 : count === 8;
}
