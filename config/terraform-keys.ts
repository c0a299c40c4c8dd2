import { EnvironmentName } from "../constructs/environment";
import { PublicJwk } from "../constructs/oauth-app";

/**
 * Public halves of Terraform's own keys, one per environment (private_key_jwt for the
 * okta-bootstrap-<env> service app). Only public members: each private key was handed to that
 * environment's secret store as OKTA_API_PRIVATE_KEY and never written to the repo.
 * Rotate by adding the new key here, applying the bootstrap stack, switching the secret,
 * then removing the old key.
 */
export const TERRAFORM_KEYS: Record<EnvironmentName, PublicJwk> = {
  dev: {
    kid: "terraform-okta-dev-2026",
    kty: "RSA",
    e: "AQAB",
    n: "rFnB4Qz1v1fFsVTuoHFsxowiCgUjHTjg7Eb6C7nAMwU73Z2EHgW54A5Swp8_C6g3frja0SQcMn2UR1eGyw9uMC_Jpz6Mw1u_2lSH13Pjpi2N1BXFOg4cQjXfnfd8s56m6MEUXVh1zUzdT81jeR24zHkuzKu_HU_-g5rqhf-n2-QwYfU6CdVVx1Y_mzoATn2c0UzSPwM_ICgroTnbCSo9w10PvWfXMmoHw7mlPWdoslkwzDmwPgqLU3KN4EAYhZgPnrDVZyDYQKBnEsxmHw5SqVx7qIMBoIrqp_2SKkR5RE7y9iOd1Ddfbwwil7Re5Pj55KAqt2_PHzow3o6s4ZJBDQ",
  },
  staging: {
    kid: "terraform-okta-staging-2026",
    kty: "RSA",
    e: "AQAB",
    n: "pPoGVCp7vwwSnTiY9ZOfAd5YkPLbLHJAP_eOQ_jKJt3KIHQXnl7-Z_Y3GchejV8f-RIrS03Xoa9RrfX1ZW_UzfzHJrdfGYrJsCfHC86YcFv-aAAhCeHnorZTCOzzjiczaJbqAFaSg7-yvmJvaEUMbj8MiPumnySgIqa-5c8QxwzW-_p9x9CdtVOt9PXHOu5FuyEjwvpKI5uenPq-tAX6pKQnZCzUwu9hTCRkjrfrvUsDF4eWFgLriKQVRZVlaK9_pF_42iaaY2pmk_ipwh6uLCE06pNb3xCWH94CQX7FRsDIC4w_3mQrr1DF7MKGbuS8hP9KeHeBIcxG0aF-yX53VQ",
  },
  prod: {
    kid: "terraform-okta-prod-2026",
    kty: "RSA",
    e: "AQAB",
    n: "t7hVVN-CLM6Gn3_x2JcFEGqDgOdhbx_2UuNJv_p5zHiN2X2Aq7YME4tmvwAbQkv4RoWrz8w9dK6-1khFaFmhLLvDlyHQfBmDt8E4-j7UfU7QAwdrBYvjHOBRhifLzMEF4At25BSkvzEutZfINrp0dwrMmnrvCNrQ_ZbOdh9sbhLaP9plsz51uWh5jN5pFb_JHTu0kHkZxfu3BxlRYcy99vBlKQt6wLqLFUBU-lFkZqnkuve4JOU_ouLmvZNKI_DUU3Vaasocw9-Nsy9hsAuoUy4ZY39Wc7AyoTJg24vVb-4lmSRiP4QII67RdDjljRGc94pd6G1JIUWDGT-M1s0hyw",
  },
};
