// Kept apart from inventree.ts so the CLI's help does not load the InvenTree client.
export const INVENTREE_USAGE = `  inventree connect [--db FILE] --url URL (--token T | --user U [--password-stdin])
                                             connect to an InvenTree server (password typed or from stdin)
  inventree status  [--db FILE]              the connection as JSON (server, apiVersion, user, allowed actions)
  inventree pull [--db FILE] [--full]        pull the server's inventory into this (replica) database; --full
                                             also deletes what the server no longer lists
  inventree sync --once [--db FILE]          pull once, print {pulled, pushed, parked} as JSON
  inventree disconnect [--db FILE]           forget the server and its token`
