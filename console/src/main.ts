import { startConsole } from './app.js'

startConsole(document.body)
