/**
 * A self-signed public certificate (CN=expenses.example.com) for SAML single-logout tests,
 * generated with openssl for this project; its private key was discarded at once.
 */
export const SP_CERTIFICATE_PEM = `-----BEGIN CERTIFICATE-----
MIIDHzCCAgegAwIBAgIUT14e+fE8LhFTDkSl+e8hTTF8hUQwDQYJKoZIhvcNAQEL
BQAwHzEdMBsGA1UEAwwUZXhwZW5zZXMuZXhhbXBsZS5jb20wHhcNMjYxMTI3MTU0
NjI3WhcNMzYxMTI0MTU0NjI3WjAfMR0wGwYDVQQDDBRleHBlbnNlcy5leGFtcGxl
LmNvbTCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBALUEyA+wWEZAU82c
sR6rTg4/fSYRKwXaYUaeFBfMF0UCuB18je0Sj8pb+pQj447j1B4uXb0PWunA6cym
mpmdByo2/53m3Krpwv9qVYAdD9706hwyCENMugtGl0HOWeF1lRJfYglMe9rPc9XH
W1l09EGNnKZnkb28RyhjMKl0KKgvlnd3TXAetjp272YEf0wwZYXDbc6vO0hQzWqm
ivANN2zKHwU+TikAu+sZHkrT16bP7FVL4WRp1LbpyzjBnkFVObEjZqTWxCBtvdmq
DjoiOeEhGfQaZJdZYKobMoS/hVaaEGN6oKyEvRRlNpzgfN84XTaCY1CqKzvUEW4M
Hx/SeJMCAwEAAaNTMFEwHQYDVR0OBBYEFMUnM0Bfc/Q309wgXL9fkcoDD2R+MB8G
A1UdIwQYMBaAFMUnM0Bfc/Q309wgXL9fkcoDD2R+MA8GA1UdEwEB/wQFMAMBAf8w
DQYJKoZIhvcNAQELBQADggEBAHRPAPrA9XWAw+e6igBCXqzvrTNGePmxCX/8ZAuy
jC4K/biQwYTFqvdcLTlvbSX2cDVLq2bUAPKV1fgCnDq3y4g6FVXw+0DFhJLo6aQ9
XPFCkfQYv8WDjSWV6AY9rsxDxH2OywjyarN74/3Kgm+FodBw+VYHgxDyuELLxEjC
6t+SMKHST4/JUJ4x4YJRy/UlO9uD2l9815jDSxJRXuyn5F2n3/w/8l/ZUKqcjMSe
1J4/DgiihI90MfsXfXuSv5F5v0xou6JFsbtm2lpzuQ80A9HaJPTSHjgDAlZ9fYpT
TJggbFmq971hW9UOyBxuuKpw2k6pgJOfebuJaA2e6AGDqeU=
-----END CERTIFICATE-----`;

/** The same certificate as the okta provider sends it (x5c): base64 DER, no armor, no line breaks. */
export const SP_CERTIFICATE_BASE64 = SP_CERTIFICATE_PEM.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, "");
