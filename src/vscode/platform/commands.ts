// Every command the extension contributes, registered from one typed map of id to handler: a handler missing
// for a contributed id (or one without an id) is a type error, and a unit test holds the ids to package.json.
import * as vscode from 'vscode';
import { CommandId } from './commandIds';

export type CommandHandlers = { [K in keyof typeof CommandId]: (...args: never[]) => unknown };

export function registerCommands(handlers: CommandHandlers): vscode.Disposable {
  const names = Object.keys(handlers) as (keyof typeof CommandId)[];
  return vscode.Disposable.from(...names.map((name) =>
    vscode.commands.registerCommand(CommandId[name], handlers[name] as (...args: unknown[]) => unknown)));
}
