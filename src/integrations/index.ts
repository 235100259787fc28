/** The integrations entry point for `sync`; other callers import the module they need directly. */
export {syncOutbox} from './notify.js'
export {storeJiraKeys} from './jira/store-jira-keys.js'
