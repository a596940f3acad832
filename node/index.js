// diwan for Node: the SQLite extension this package carries (diwan.so, put
// here by `make`), and load(db) for better-sqlite3 (or any driver with a
// loadExtension(path) method).
"use strict";
const fs = require("fs");
const path = require("path");

function getLoadablePath() {
  const p = path.join(__dirname, "diwan.so");
  if (!fs.existsSync(p)) {
    throw new Error("diwan: " + p + " is missing; run `make` in the diwan repository");
  }
  return p;
}

function load(db) {
  if (!db || typeof db.loadExtension !== "function") {
    throw new TypeError("diwan.load(db): db must be a better-sqlite3 Database (it has loadExtension)");
  }
  db.loadExtension(getLoadablePath());
  return db;
}

module.exports = { load, getLoadablePath };
