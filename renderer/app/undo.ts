// Undo/redo of user actions that went through the API (create/delete/retag highlight, …).
export interface UndoableAction {
  label: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

export class UndoStack {
  private done: UndoableAction[] = [];
  private undone: UndoableAction[] = [];
  constructor(private readonly limit = 200) {}

  push(action: UndoableAction): void {
    this.done.push(action);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  async undo(): Promise<string | null> {
    const action = this.done.pop();
    if (!action) return null;
    await action.undo();
    this.undone.push(action);
    return action.label;
  }

  async redo(): Promise<string | null> {
    const action = this.undone.pop();
    if (!action) return null;
    await action.redo();
    this.done.push(action);
    return action.label;
  }

  get canUndo(): boolean { return this.done.length > 0; }
  get canRedo(): boolean { return this.undone.length > 0; }
}
