package report

// LargeDatabase opens the `demo --large` database for the tests outside the package (largeDatabase).
var LargeDatabase = largeDatabase
