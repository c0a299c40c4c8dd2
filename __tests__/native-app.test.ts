import { AppOauth } from "@cdktf/provider-okta/lib/app-oauth";
import { Testing } from "cdktf";
import { NativeApp, NativeAppProps } from "../constructs/native-app";
import { errorOf, testStack } from "../test-support";

const base: NativeAppProps = {
  label: "Mobile",
  redirectUris: ["com.example.app:/callback"],
  assignTo: "everyone",
};

describe("NativeApp", () => {
  test("is a public native client with authorization code and PKCE (seed 003 d)", () => {
    const stack = testStack();
    new NativeApp(stack, "mobile", base);
    expect(Testing.synth(stack)).toHaveResourceWithProperties(AppOauth, {
      type: "native",
      grant_types: ["authorization_code"],
      pkce_required: true,
      token_endpoint_auth_method: "none",
      redirect_uris: ["com.example.app:/callback"],
    });
  });

  test("accepts a loopback IP redirect (RFC 8252 §7.3)", () => {
    const stack = testStack();
    new NativeApp(stack, "cli", { ...base, redirectUris: ["http://127.0.0.1:7890/callback"] });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(AppOauth, { redirect_uris: ["http://127.0.0.1:7890/callback"] });
  });

  test("fails when the custom scheme is not reverse-domain", () => {
    const message = errorOf(() => new NativeApp(testStack(), "mobile", { ...base, redirectUris: ["myapp:/callback"] }));
    expect(message).toContain("uses a custom scheme that is not reverse-domain");
    expect(message).toContain('"myapp:/callback"');
  });

  test("rotates refresh tokens when they are enabled", () => {
    const stack = testStack();
    new NativeApp(stack, "mobile", { ...base, refreshTokens: true });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(AppOauth, {
      grant_types: ["authorization_code", "refresh_token"],
      refresh_token_rotation: "ROTATE",
    });
  });

  test("declares a trusted app with the password grant and client authentication outside prod (seed 003 e)", () => {
    const stack = testStack("dev");
    new NativeApp(stack, "trusted", { ...base, allowPasswordGrant: true });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(AppOauth, {
      type: "native",
      grant_types: ["authorization_code", "password"],
      token_endpoint_auth_method: "client_secret_basic",
      omit_secret: true,
    });
  });

  test("fails in prod when the password grant is allowed", () => {
    const message = errorOf(() => new NativeApp(testStack("prod"), "trusted", { ...base, allowPasswordGrant: true }));
    expect(message).toContain("the password grant is not allowed in prod");
    expect(message).toContain("RFC 9700 §2.4");
  });
});
