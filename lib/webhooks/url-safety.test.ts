import { describe, expect, it } from "vitest";
import { checkEndpointUrl, checkResolvedAddresses, isPublicAddress } from "./url-safety";

const PROD = { allowPrivate: false };
const DEV = { allowPrivate: true };

describe("isPublicAddress", () => {
  it.each([
    ["93.184.216.34", true],
    ["8.8.8.8", true],
    ["2606:4700:4700::1111", true],
    ["127.0.0.1", false],
    ["127.255.255.254", false],
    ["10.1.2.3", false],
    ["172.16.0.1", false],
    ["172.31.255.255", false],
    ["172.32.0.1", true],
    ["192.168.1.1", false],
    ["169.254.169.254", false], // cloud metadata
    ["100.64.0.1", false],
    ["0.0.0.0", false],
    ["224.0.0.1", false],
    ["255.255.255.255", false],
    ["::1", false],
    ["::", false],
    ["fe80::1", false],
    ["fd00::1", false],
    ["ff02::1", false],
    ["::ffff:127.0.0.1", false],
    ["::ffff:7f00:1", false],
    ["::ffff:8.8.8.8", true],
    ["64:ff9b::a9fe:a9fe", false], // NAT64 of 169.254.169.254
    ["[::1]", false],
    ["not an ip", false],
  ])("%s -> %s", (ip, expected) => {
    expect(isPublicAddress(ip)).toBe(expected);
  });
});

describe("checkEndpointUrl", () => {
  it.each([
    ["https://hooks.example.com/provenant", PROD],
    ["https://hooks.example.com:8443/in?token=abc", PROD],
    ["https://93.184.216.34/hook", PROD],
    ["http://localhost:4000/hook", DEV],
    ["http://127.0.0.1:4000/hook", DEV],
    ["https://localhost/hook", DEV],
    ["http://10.0.0.5/hook", DEV],
  ])("accepts %s", (url, policy) => {
    expect(checkEndpointUrl(url, policy).ok).toBe(true);
  });

  it.each([
    ["hooks.example.com/provenant", PROD, "full URL"],
    ["ftp://hooks.example.com/x", PROD, "https://"],
    ["http://hooks.example.com/x", PROD, "https://"],
    ["http://hooks.example.com/x", DEV, "https://"], // plain http only to local receivers, even in dev
    ["https://user:pw@hooks.example.com/x", PROD, "user name"],
    ["https://hooks.example.com/x#frag", PROD, "fragment"],
    ["http://localhost:4000/hook", PROD, "public address"],
    ["https://localhost/hook", PROD, "public address"],
    ["https://api.localhost/hook", PROD, "public address"],
    ["https://printer.local/hook", PROD, "public address"],
    ["https://intranet/hook", PROD, "public address"],
    ["https://127.0.0.1/hook", PROD, "public address"],
    ["https://2130706433/hook", PROD, "public address"], // 127.0.0.1 as a number
    ["https://0x7f.0.0.1/hook", PROD, "public address"],
    ["https://[::1]/hook", PROD, "public address"],
    ["https://[::ffff:169.254.169.254]/latest/meta-data", PROD, "public address"],
    ["https://169.254.169.254/latest/meta-data", PROD, "public address"],
    ["https://192.168.0.10/hook", PROD, "public address"],
    [`https://example.com/${"a".repeat(2100)}`, PROD, "2048"],
  ])("refuses %s", (url, policy, message) => {
    const result = checkEndpointUrl(url, policy);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toContain(message);
  });
});

describe("checkResolvedAddresses", () => {
  it("refuses a public name that resolves inside, unless private targets are allowed", () => {
    expect(checkResolvedAddresses("hooks.example.com", ["93.184.216.34"], PROD)).toBeNull();
    expect(checkResolvedAddresses("evil.example.com", ["93.184.216.34", "10.0.0.1"], PROD)).toContain("10.0.0.1");
    expect(checkResolvedAddresses("evil.example.com", [], PROD)).toContain("did not resolve");
    expect(checkResolvedAddresses("localhost", ["127.0.0.1"], DEV)).toBeNull();
  });
});
