import { isIP } from "net";
import { Construct } from "constructs";
import { NetworkZone as OktaNetworkZone } from "@cdktf/provider-okta/lib/network-zone";
import { Problems, isToken } from "./validation";

/** `okta_network_zone.usage`: a zone policies name, or one whose traffic Okta blocks. */
export type NetworkZoneUsage = "POLICY" | "BLOCKLIST";
/** `okta_network_zone.dynamic_proxy_type`. */
export type DynamicProxyType = "Any" | "TorAnonymizer" | "NotTorAnonymizer";

interface NetworkZoneCommon {
  /** The zone's name in Okta; unique per org. Rules name zones by it. */
  readonly name: string;
  /** @default "POLICY" */
  readonly usage?: NetworkZoneUsage;
}

/** A zone of addresses: the office's egress IPs, a VPN's. */
export interface IpZoneProps extends NetworkZoneCommon {
  readonly type: "IP";
  /** CIDRs (`203.0.113.0/24`) or ranges (`203.0.113.10-203.0.113.20`) requests come from. */
  readonly gateways: readonly string[];
  /** Trusted proxies in front of the gateways, same forms. Not with usage BLOCKLIST. @default - none */
  readonly proxies?: readonly string[];
}

/** A zone by where a request comes from: countries, ASNs, anonymizers. */
export interface DynamicZoneProps extends NetworkZoneCommon {
  readonly type: "DYNAMIC";
  /** ISO-3166 country (`US`) or subdivision (`US-CA`) codes. @default - none */
  readonly locations?: readonly string[];
  /** Autonomous system numbers, as strings. @default - none */
  readonly asns?: readonly string[];
  /** @default - not a condition */
  readonly proxyType?: DynamicProxyType;
}

export type NetworkZoneProps = IpZoneProps | DynamicZoneProps;

/** What rules see of a zone. */
export interface INetworkZone {
  readonly zoneId: string;
  readonly zoneName: string;
}

const ISO_3166 = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;
const ASN = /^\d{1,10}$/;

/**
 * An Okta network zone (okta_network_zone). The provider checks only the shape of a CIDR, and
 * Okta refuses a bad one at apply, after earlier resources were written: every address,
 * range and code is checked here.
 */
export class NetworkZone extends Construct implements INetworkZone {
  readonly zoneId: string;
  readonly zoneName: string;
  readonly resource: OktaNetworkZone;

  constructor(scope: Construct, id: string, props: NetworkZoneProps) {
    super(scope, id);
    const problems = new Problems();
    if (!props.name || props.name.trim() !== props.name) problems.add("zone name must be non-empty without leading or trailing spaces", props.name, "give the zone a plain name, e.g. Corporate network.");
    if (props.usage !== undefined && props.usage !== "POLICY" && props.usage !== "BLOCKLIST") problems.add('usage must be "POLICY" or "BLOCKLIST"', props.usage, 'write "POLICY" for a zone rules name.');
    if (props.type === "IP") {
      if (!props.gateways?.length) problems.add("an IP zone needs at least one gateway", props.gateways, "list the CIDRs or ranges requests come from, e.g. 203.0.113.0/24.");
      (props.gateways ?? []).forEach((g, i) => checkAddress(problems, `gateways[${i}]`, g));
      (props.proxies ?? []).forEach((p, i) => checkAddress(problems, `proxies[${i}]`, p));
      if (props.usage === "BLOCKLIST" && props.proxies?.length) problems.add("a BLOCKLIST zone cannot have proxies (Okta refuses it)", props.proxies, "drop proxies, or use usage POLICY.");
    } else if (props.type === "DYNAMIC") {
      if (!props.locations?.length && !props.asns?.length && !props.proxyType) problems.add("a DYNAMIC zone needs locations, asns or proxyType", props, "list country codes (locations: [\"US\"]), ASNs, or a proxyType.");
      (props.locations ?? []).forEach((l, i) => {
        if (!ISO_3166.test(l)) problems.add(`locations[${i}] is not an ISO-3166 code`, l, 'write a country ("US") or subdivision ("US-CA") code in capitals.');
      });
      (props.asns ?? []).forEach((a, i) => {
        if (!ASN.test(a)) problems.add(`asns[${i}] is not an AS number`, a, 'write the number alone, e.g. "13335".');
      });
      if (props.proxyType !== undefined && !["Any", "TorAnonymizer", "NotTorAnonymizer"].includes(props.proxyType)) problems.add("proxyType is not one Okta knows", props.proxyType, 'use "Any", "TorAnonymizer" or "NotTorAnonymizer".');
    } else {
      problems.add('zone type must be "IP" or "DYNAMIC"', (props as { type?: unknown }).type, 'write type: "IP" with gateways, or type: "DYNAMIC" with locations.');
    }
    problems.throwIfAny(this);
    this.zoneName = props.name;
    this.resource = new OktaNetworkZone(this, "Zone", {
      name: props.name,
      type: props.type,
      usage: props.usage ?? "POLICY",
      status: "ACTIVE",
      ...(props.type === "IP"
        ? { gateways: [...props.gateways], proxies: props.proxies?.length ? [...props.proxies] : undefined }
        : { dynamicLocations: props.locations?.length ? [...props.locations] : undefined, asns: props.asns?.length ? [...props.asns] : undefined, dynamicProxyType: props.proxyType }),
    });
    this.zoneId = this.resource.id;
  }
}

/** A CIDR (`a.b.c.d/n`, IPv6 too) or a range `a-b` with a ≤ b, as Okta accepts them. */
export function checkAddress(problems: Problems, field: string, value: string): void {
  if (isToken(value)) return;
  const fix = "write a CIDR (203.0.113.0/24) or a range (203.0.113.10-203.0.113.20).";
  if (typeof value !== "string") return problems.add(`${field} is not an address`, value, fix);
  const cidr = /^([^/]+)\/(\d{1,3})$/.exec(value);
  if (cidr) {
    const family = isIP(cidr[1]);
    if (!family || Number(cidr[2]) > (family === 4 ? 32 : 128)) problems.add(`${field} is not a valid CIDR`, value, fix);
    return;
  }
  const range = /^([^-]+)-([^-]+)$/.exec(value);
  if (range && isIP(range[1]) === 4 && isIP(range[2]) === 4) {
    if (ipv4Number(range[1]) > ipv4Number(range[2])) problems.add(`${field} is a range that ends before it starts`, value, "write the lower address first.");
    return;
  }
  if (range && isIP(range[1]) === 6 && isIP(range[2]) === 6) return;
  problems.add(`${field} is not a CIDR or a range`, value, fix);
}

/** An IPv4 address as a number, for ranges and CIDR matching. */
export function ipv4Number(ip: string): number {
  return ip.split(".").reduce((n, o) => n * 256 + Number(o), 0);
}

/** True when an IPv4 address lies in a gateway entry (CIDR or range). IPv6 entries never match an IPv4 address. */
export function addressInEntry(ip: string, entry: string): boolean {
  if (isIP(ip) !== 4) return false;
  const n = ipv4Number(ip);
  const cidr = /^([\d.]+)\/(\d{1,2})$/.exec(entry);
  if (cidr && isIP(cidr[1]) === 4) {
    const bits = Number(cidr[2]);
    const size = 2 ** (32 - bits);
    const start = Math.floor(ipv4Number(cidr[1]) / size) * size;
    return n >= start && n < start + size;
  }
  const range = /^([\d.]+)-([\d.]+)$/.exec(entry);
  return !!range && n >= ipv4Number(range[1]) && n <= ipv4Number(range[2]);
}
