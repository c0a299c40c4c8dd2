import { X509Certificate } from "crypto";
import { Construct } from "constructs";
import { AppSaml, AppSamlAttributeStatements } from "@cdktf/provider-okta/lib/app-saml";
import { AppIntegration, AppIntegrationProps } from "./app-integration";
import { escapeTemplate } from "./template";
import { isToken } from "./validation";

export { escapeTemplate } from "./template";

/** SAML NameID formats Okta offers (SAML 2.0 core §8.3). */
export type NameIdFormat = "unspecified" | "emailAddress" | "x509SubjectName" | "persistent" | "transient";

export const NAME_ID_FORMATS: Readonly<Record<NameIdFormat, string>> = {
  unspecified: "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified",
  emailAddress: "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
  x509SubjectName: "urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName",
  persistent: "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
  transient: "urn:oasis:names:tc:SAML:2.0:nameid-format:transient",
};

/** Attribute name formats (SAML 2.0 core §8.2). */
export type AttributeNameFormat = "unspecified" | "uri" | "basic";

export const NAME_FORMATS: Readonly<Record<AttributeNameFormat, string>> = {
  unspecified: "urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified",
  uri: "urn:oasis:names:tc:SAML:2.0:attrname-format:uri",
  basic: "urn:oasis:names:tc:SAML:2.0:attrname-format:basic",
};

/** `okta_app_saml.signature_algorithm`. RSA_SHA1 exists in Okta but is refused here. */
export type SamlSignatureAlgorithm = "RSA_SHA256" | "RSA_SHA1";
/** `okta_app_saml.digest_algorithm`. SHA1 exists in Okta but is refused here. */
export type SamlDigestAlgorithm = "SHA256" | "SHA1";

/** A user attribute sent in the assertion, e.g. `{ name: "email", values: ["user.email"] }`. */
export interface SamlAttribute {
  readonly name: string;
  /** Okta Expression Language values, e.g. `user.email`. */
  readonly values: readonly string[];
  /** @default "unspecified" */
  readonly nameFormat?: AttributeNameFormat;
}

/** Which of the user's groups a group attribute statement sends (Okta's group filter). */
export type GroupFilter =
  | { readonly startsWith: string }
  | { readonly equals: string }
  | { readonly contains: string }
  | { readonly regex: string };

/** A group attribute statement: the user's groups that pass the filter, under one name. */
export interface SamlGroupAttribute {
  readonly name: string;
  readonly filter: GroupFilter;
  /** @default "unspecified" */
  readonly nameFormat?: AttributeNameFormat;
}

/** Single logout: the SP's SLO endpoint and the public certificate it signs logout requests with. */
export interface SamlSingleLogout {
  readonly url: string;
  /** The SP's issuer (entity id) in logout requests. */
  readonly issuer: string;
  /** PEM of the SP's public signing certificate (never a private key). */
  readonly certificate: string;
}

export interface SamlAppProps extends AppIntegrationProps {
  /** Single sign-on URL: the SP's Assertion Consumer Service (ACS) URL. */
  readonly ssoUrl: string;
  /**
   * Every Assertion Consumer Service URL the SP may ask Okta to post to, by index (the SP's
   * AuthnRequest names one with AssertionConsumerServiceIndex): position = index, the ssoUrl
   * among them (the provider assumes it is: resource_okta_app_saml.go). At most 100.
   * @default - the ssoUrl alone
   */
  readonly acsEndpoints?: readonly string[];
  /** @default - the ssoUrl */
  readonly recipient?: string;
  /** @default - the ssoUrl */
  readonly destination?: string;
  /** Audience URI: the SP entity id, an absolute URI (URL or URN). */
  readonly audience: string;
  /** @default "unspecified" */
  readonly nameIdFormat?: NameIdFormat;
  /**
   * The NameID value, in Okta's template syntax, e.g. `${user.email}`.
   * @default "${user.userName}"
   */
  readonly nameIdTemplate?: string;
  /** @default - none */
  readonly attributes?: readonly SamlAttribute[];
  /** @default - no group attribute */
  readonly groupAttribute?: SamlGroupAttribute;
  /** @default true */
  readonly responseSigned?: boolean;
  /** @default true */
  readonly assertionSigned?: boolean;
  /** @default "RSA_SHA256" */
  readonly signatureAlgorithm?: SamlSignatureAlgorithm;
  /** @default "SHA256" */
  readonly digestAlgorithm?: SamlDigestAlgorithm;
  /** @default - no single logout */
  readonly singleLogout?: SamlSingleLogout;
}

/** Okta's filter_type for each group filter form. */
function groupFilterOf(filter: GroupFilter): { type: "STARTS_WITH" | "EQUALS" | "CONTAINS" | "REGEX"; value: string } {
  if ("startsWith" in filter) return { type: "STARTS_WITH", value: filter.startsWith };
  if ("equals" in filter) return { type: "EQUALS", value: filter.equals };
  if ("contains" in filter) return { type: "CONTAINS", value: filter.contains };
  return { type: "REGEX", value: filter.regex };
}

/**
 * The okta provider sends single_logout_certificate as the x5c value: base64 DER without the
 * PEM armor and line breaks (provider docs). Returns it, or undefined if the PEM is no
 * certificate.
 */
export function certificateBase64(pem: string): string | undefined {
  const match = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem);
  if (!match) return undefined;
  const body = match[1].replace(/\s+/g, "");
  try {
    new X509Certificate(Buffer.from(body, "base64"));
    return body;
  } catch {
    return undefined;
  }
}

/**
 * A custom SAML 2.0 app integration (okta_app_saml, seed 004 "Create a Custom App
 * Integration"). Signed response and assertion with SHA-256 by default; SHA-1 is refused.
 * Exposes the IdP metadata URL the SP imports, and the app id; never key material.
 */
export class SamlApp extends AppIntegration {
  readonly resource: AppSaml;
  readonly metadataUrl: string;

  constructor(scope: Construct, id: string, props: SamlAppProps) {
    super(scope, id, props);
    const p = this.problems;
    this.checkUrl("ssoUrl", props.ssoUrl);
    this.checkUrl("recipient", props.recipient, false);
    if (props.acsEndpoints !== undefined) {
      props.acsEndpoints.forEach((u, i) => this.checkUrl(`acsEndpoints[${i}]`, u));
      const twice = props.acsEndpoints.filter((u, i) => props.acsEndpoints!.indexOf(u) !== i);
      if (twice.length) p.add("acsEndpoints lists a URL twice (each index is one endpoint)", twice, "list each ACS URL once.");
      if (props.acsEndpoints.length > 100) p.add("acsEndpoints has more than Okta's 100", props.acsEndpoints.length, "keep at most 100 endpoints.");
      if (!isToken(props.ssoUrl) && !props.acsEndpoints.includes(props.ssoUrl)) p.add("acsEndpoints must include the ssoUrl (the default endpoint)", props.acsEndpoints, `add ${props.ssoUrl} to acsEndpoints, at the index the SP expects.`);
    }
    this.checkUrl("destination", props.destination, false);
    if (props.audience === undefined || (!isToken(props.audience) && !isAbsoluteUri(props.audience))) {
      p.add("audience must be an absolute URI (the SP entity id)", props.audience, "use the entity id the SP publishes, e.g. https://app.example.com/saml or urn:example:app.");
    }
    if (props.signatureAlgorithm === "RSA_SHA1") {
      p.add("signatureAlgorithm RSA_SHA1 is refused: SHA-1 signatures can be forged", props.signatureAlgorithm, 'use "RSA_SHA256" (the default).');
    }
    if (props.digestAlgorithm === "SHA1") {
      p.add("digestAlgorithm SHA1 is refused: SHA-1 digests collide", props.digestAlgorithm, 'use "SHA256" (the default).');
    }
    if (props.responseSigned === false && props.assertionSigned === false) {
      p.add("neither the response nor the assertion is signed", false, "sign at least the assertion; by default both are signed.");
    }
    if (props.nameIdFormat !== undefined && !Object.hasOwn(NAME_ID_FORMATS, props.nameIdFormat)) {
      p.add("nameIdFormat is not a SAML NameID format", props.nameIdFormat, `use one of ${Object.keys(NAME_ID_FORMATS).join(", ")}.`);
    }
    const names = new Set<string>();
    for (const attr of [...(props.attributes ?? []), ...(props.groupAttribute ? [props.groupAttribute] : [])]) {
      if (!attr.name?.trim()) p.add("an attribute statement has no name", attr.name, "name every attribute the SP expects.");
      else if (names.has(attr.name)) p.add("attribute statement name is used twice", attr.name, "send each attribute once.");
      names.add(attr.name);
    }
    for (const attr of props.attributes ?? []) {
      if (!attr.values?.length) p.add(`attribute "${attr.name}" has no values`, attr.values, 'give at least one expression, e.g. ["user.email"].');
    }
    if (props.groupAttribute) {
      const filter = groupFilterOf(props.groupAttribute.filter);
      if (!filter.value) p.add("the group attribute filter is empty", filter.value, "give a filter value; an empty one sends no groups.");
      if (filter.type === "REGEX" && !isToken(filter.value)) {
        try {
          new RegExp(filter.value);
        } catch (e) {
          p.add(`the group attribute regex is invalid (${(e as Error).message})`, filter.value, "write a valid regular expression, e.g. ^app-.*$.");
        }
      }
    }
    if (props.singleLogout) {
      this.checkUrl("singleLogout.url", props.singleLogout.url);
      if (!props.singleLogout.issuer?.trim()) p.add("singleLogout.issuer is required", props.singleLogout.issuer, "set the SP's entity id.");
      const cert = props.singleLogout.certificate ?? "";
      if (/PRIVATE KEY/.test(cert)) {
        p.add("singleLogout.certificate contains a private key", "(redacted)", "give the SP's public certificate only; keep private keys out of the repo.");
      } else if (!isToken(cert) && certificateBase64(cert) === undefined) {
        p.add("singleLogout.certificate is not a PEM X.509 certificate", cert.slice(0, 40), "paste the SP's public signing certificate (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----).");
      }
    }

    this.resource = this.create(
      () =>
        new AppSaml(this, "App", {
          label: props.label,
          ssoUrl: props.ssoUrl,
          acsEndpoints: props.acsEndpoints?.length ? [...props.acsEndpoints] : undefined,
          recipient: props.recipient ?? props.ssoUrl,
          destination: props.destination ?? props.ssoUrl,
          audience: props.audience,
          subjectNameIdFormat: NAME_ID_FORMATS[props.nameIdFormat ?? "unspecified"],
          subjectNameIdTemplate: escapeTemplate(props.nameIdTemplate ?? "${user.userName}"),
          responseSigned: props.responseSigned ?? true,
          assertionSigned: props.assertionSigned ?? true,
          signatureAlgorithm: props.signatureAlgorithm ?? "RSA_SHA256",
          digestAlgorithm: props.digestAlgorithm ?? "SHA256",
          // The provider requires both for a custom SAML app; these are Okta's console defaults.
          honorForceAuthn: true,
          authnContextClassRef: "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport",
          attributeStatements: attributeStatements(props),
          singleLogoutUrl: props.singleLogout?.url,
          singleLogoutIssuer: props.singleLogout?.issuer,
          singleLogoutCertificate: props.singleLogout ? (isToken(props.singleLogout.certificate) ? props.singleLogout.certificate : certificateBase64(props.singleLogout.certificate)) : undefined,
        }),
    );
    this.metadataUrl = this.resource.metadataUrl;
  }
}

function attributeStatements(props: SamlAppProps): AppSamlAttributeStatements[] | undefined {
  const out: AppSamlAttributeStatements[] = (props.attributes ?? []).map((a) => ({
    type: "EXPRESSION",
    name: a.name,
    namespace: NAME_FORMATS[a.nameFormat ?? "unspecified"],
    values: a.values.map(escapeTemplate),
  }));
  if (props.groupAttribute) {
    const filter = groupFilterOf(props.groupAttribute.filter);
    out.push({
      type: "GROUP",
      name: props.groupAttribute.name,
      namespace: NAME_FORMATS[props.groupAttribute.nameFormat ?? "unspecified"],
      filterType: filter.type,
      filterValue: filter.value,
    });
  }
  return out.length ? out : undefined;
}

function isAbsoluteUri(value: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(value) || value.includes("*")) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}
