import "../stacks/node-compat";
import { Testing } from "cdktf";

Testing.setupJest();
process.env.CHECKPOINT_DISABLE = "1";
