// Kept apart from inventree.ts so the CLI's help does not load the InvenTree client.
export const INVENTREE_USAGE = `  inventree connect [--db FILE] --url URL (--token T | --user U [--password-stdin])
                                             connect to an InvenTree server (password typed or from stdin)
  inventree status  [--db FILE]              the connection as JSON (server, apiVersion, user, allowed
                                             actions, last pull and sync, queued, parked)
  inventree pull [--db FILE] [--full]        pull the server's inventory into this (replica) database; --full
                                             also deletes what the server no longer lists
  inventree sync [--once] [--interval S] [--full] [--db FILE]
                                             push the desk's queued actions, then pull; JSON summary
                                             {pulled, pushed, confirmed, parked, queued, stopped}; without
                                             --once, a sync every S seconds (default 30), one line each
  inventree disconnect [--db FILE]           forget the server and its token`
