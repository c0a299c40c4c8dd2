"use strict";
module.exports = require("./jest-global").teardown;
