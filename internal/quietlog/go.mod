module early.pembina/quietlog

go 1.21
