/**
 * Ribbon commands without a task pane (manifest: ExecuteFunction). Loaded by commands.html.
 */

/**
 * "插入新年度模板" (insert a template for the next year).
 *
 * NOT IMPLEMENTED YET: this will be implemented in a later issue. For now it changes nothing in the workbook and
 * shows nothing; it only tells Office the command has finished (`event.completed()`), which Office requires of
 * every ExecuteFunction command. The ribbon tooltip says the button does nothing yet.
 */
export function insertTemplate(event: Office.AddinCommands.Event): void {
  event.completed();
}

Office.onReady(() => {
  Office.actions.associate("insertTemplate", insertTemplate);
});
