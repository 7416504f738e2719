package main

import (
	"github.com/spf13/cobra"

	"handbill/content"
	"handbill/layouts"
)

func newCmdSchema() *cobra.Command {
	return &cobra.Command{
		Use:       "schema content|layout",
		Short:     "Print the JSON Schema of the content or layout file format",
		Long:      "Print the JSON Schema (draft 2020-12) of a file format, for editors that validate and complete YAML.",
		Args:      cobra.ExactArgs(1),
		ValidArgs: []string{"content", "layout"},
		RunE: func(cmd *cobra.Command, args []string) error {
			switch args[0] {
			case "content":
				cmd.OutOrStdout().Write(content.Schema())
			case "layout":
				cmd.OutOrStdout().Write(layouts.Schema())
			default:
				return usage("use 'handbill schema content' or 'handbill schema layout'", "%s", "no schema named "+args[0])
			}
			return nil
		},
	}
}
