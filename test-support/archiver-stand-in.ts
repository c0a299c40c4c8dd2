// jest.config.js maps `archiver` here: cdktf loads the stand-in instead (stacks/lazy-archiver.ts).
import { lazyArchiver } from "../stacks/lazy-archiver";

export = lazyArchiver;
