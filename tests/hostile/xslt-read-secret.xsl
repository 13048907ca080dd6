<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<!-- A user stylesheet that tries to read a file outside its folder. -->
<xsl:output method="text"/>
<xsl:template match="/">read: <xsl:value-of select="document('@SECRET_XML_URI@')"/></xsl:template>
</xsl:stylesheet>
