import { EnvironmentName } from "../constructs/environment";
import { PublicJwk } from "../constructs/oauth-app";

/**
 * Public halves of Terraform's deploy keys, one per environment (private_key_jwt for the
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

/**
 * Public halves of Terraform's read-only plan keys, one per environment (the plan identity of
 * okta-bootstrap-<env>). A different key from the deploy key, held only by the
 * okta-<env>-plan GitHub Environment, so a pull request's plan can never use the deploy key.
 */
export const TERRAFORM_PLAN_KEYS: Record<EnvironmentName, PublicJwk> = {
  dev: {
    kid: "terraform-plan-okta-dev-2026",
    kty: "RSA",
    e: "AQAB",
    n: "qWajuZ2yAIsfxCTiuHRbgxd_Qqb5LkOmBh06BqX-Mz1OOMAJJwvFnAJDGsktSp1ZnTNvMnQaUVzJ2YgTfpUNdnQwp_1d2Xoi37UBFYJ-_8Cy4rwnOdYu9L8hRmPCjrCzYwSoxHc4ANigdsmGpj61lMKt24t6hv0gytq6yKOcsuNlUTBYetqeOsxBCavUMKli3fljCYevcSYdf49c7PU-YdN6VpmCmbWGDnVo8YzZgZ0QOPOOGWcrpI59BNyQaOsGhJ78RHw2XRxW1jAAT8fgSMEv3dXzmSu8_cI-Ptg6gAN_ALnALfcb1vhCKUTzS5TBoniZeAOBSDWVFmCp2YL0Ww",
  },
  staging: {
    kid: "terraform-plan-okta-staging-2026",
    kty: "RSA",
    e: "AQAB",
    n: "re4y3-Vy9hL5-el65MSNjtts1HWmBoV3eULNtufNpjOJmBNzyzQKHEzulUAojJRPJSWtzeMBrObrgehQINtKcvSp831AW7fiHa0QLBI985GaW6yQWe8zmy3mRhDNtuM4THyWkYVzMPsOXb9hpe63grtX3kj5120jdm7AFTSwXoh9AJ5ZGndXYQR9MkpoGUyoMwnC8aoef0OzNQnSGtQFkJbm47NhN9J888sTroiI8eY0jo9V8CWNGtFzaFdCgQpRIQ8HFrffZHLZ1QhCwVMCn_4qKI2nqpQxa_Xz7Cgnosclunm7tJPAmFnvq3KCmq7Y0xus5RkGxpNUozDcOANz7Q",
  },
  prod: {
    kid: "terraform-plan-okta-prod-2026",
    kty: "RSA",
    e: "AQAB",
    n: "kF0doezB3trMGoSnerYtOMVz1dHZs88QmQHsw_kw8-GPWaLa5rqFXATRJSueG7vWmB5sffANXb10IMrOPaDD6vElKyPB_pPI0gCaIf_pwWdTvffaJP6MaI2VwFA7w1UYDlW71VV0bejvmtojPgOqXGT7f_r77U-11ryatSmzs46f1lVlhF9SIrUErbgMyy93vNJbegaTPz7ZT3tw1mTWj5NWVH03XRHtFVyQJiqGAJt0RHu_iWAkvzU5flRb4Cf-lGja6wRyuLSEe6j6hCNS0eZ80BhtdUZNQLM7XO0Ph16dHULTI6xyB4rpae1-3zUI1g3WIxUDv9GlEEhYxQHUZw",
  },
};
