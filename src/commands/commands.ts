/**
 * The manifest's FunctionFile. Our only ribbon button opens the task pane (ShowTaskpane), which needs no code; Office
 * still loads this page for the ribbon, so it must initialise Office.js and nothing more.
 */
void Office.onReady();
